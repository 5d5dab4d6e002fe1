CREATE TABLE quotes (
    quote_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    speaker VARCHAR,
    speaker_mention VARCHAR,
    verb VARCHAR,
    outlet VARCHAR,
    kind VARCHAR NOT NULL CHECK (kind IN ('direct', 'block', 'scare'))
);
COMMENT ON TABLE quotes IS 'One row per quotation in an article body (comments are never searched for quotes).';
COMMENT ON COLUMN quotes.quote_id IS 'Stable id: a hash of the article id, the quote text and its occurrence in the article.';
COMMENT ON COLUMN quotes.article_id IS 'The article quoting (articles.article_id).';
COMMENT ON COLUMN quotes.position IS '1-based position among the article''s quotes, in reading order.';
COMMENT ON COLUMN quotes.text IS 'The quotation without its quotation marks; an exact substring of articles.body_text.';
COMMENT ON COLUMN quotes.speaker IS 'The person quoted, as best resolved and in the fullest form the article uses (e.g. Maxim Lapunov for "he"); NULL for scare quotes.';
COMMENT ON COLUMN quotes.speaker_mention IS 'The speaker as written next to the quote ("he", "Mr. Kadyrov").';
COMMENT ON COLUMN quotes.verb IS 'The reporting verb ("said", "recalled", "advised").';
COMMENT ON COLUMN quotes.outlet IS 'The publication the quote is credited to (BBC after "The BBC reports:").';
COMMENT ON COLUMN quotes.kind IS 'direct: speech quoted in running text; block: quoted paragraph(s), usually after a lead-in; scare: a short quoted phrase that is not speech.';
