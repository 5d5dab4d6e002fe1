-- Materialised at build time (filled by sql/load/quote_echoes.sql), so reading it costs a scan.
CREATE TABLE quote_echoes (
    article_id VARCHAR,
    quote_id VARCHAR,
    comment_id VARCHAR,
    speaker VARCHAR,
    echoed_text VARCHAR
);
COMMENT ON TABLE quote_echoes IS 'One row per comment and quote of the same article where the comment repeats words of the quote: a run of at least three consecutive words, not all of them stop words, compared lower-cased with punctuation dropped. Duplicate copies of a comment are left out (the original stands for them). Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN quote_echoes.article_id IS 'The article holding both the quote and the comment.';
COMMENT ON COLUMN quote_echoes.quote_id IS 'The quote echoed (quotes.quote_id).';
COMMENT ON COLUMN quote_echoes.comment_id IS 'The echoing comment (comments.comment_id); never a duplicate copy.';
COMMENT ON COLUMN quote_echoes.speaker IS 'quotes.speaker of the quote echoed; NULL for a scare quote or an unattributed one.';
COMMENT ON COLUMN quote_echoes.echoed_text IS 'The longest run of words the comment shares with the quote, lower-cased, punctuation dropped, words joined by single spaces (the earliest in the quote on a tie).';
