CREATE TABLE articles (
    article_id VARCHAR NOT NULL,
    url VARCHAR,
    site VARCHAR,
    title VARCHAR NOT NULL,
    byline VARCHAR,
    published_at TIMESTAMP,
    captured_at TIMESTAMP NOT NULL,
    captured_at_source VARCHAR NOT NULL CHECK (captured_at_source IN ('sidecar', 'record', 'file_mtime')),
    body_text VARCHAR NOT NULL,
    paragraph_count INTEGER NOT NULL,
    word_count INTEGER NOT NULL,
    photo_credit VARCHAR,
    declared_comment_count INTEGER,
    petition_signatures BIGINT,
    source_path VARCHAR NOT NULL,
    source_format VARCHAR NOT NULL,
    source_sha256 VARCHAR NOT NULL,
    page_kind VARCHAR NOT NULL CHECK (page_kind IN ('article', 'petition', 'discussion')),
    petition_target VARCHAR
);
COMMENT ON TABLE articles IS 'One row per article page, from its newest capture: article and petition pages, and discussion threads whose first post and replies the site dialect tells apart. Listing, profile and other pages are not here (see pages). Timestamps are UTC.';
COMMENT ON COLUMN articles.article_id IS 'Stable id: a hash of the canonical URL, or of site and title when the dump has no URL.';
COMMENT ON COLUMN articles.url IS 'Page URL from the sidecar, the record (JSON Lines, WARC) or the page''s canonical link.';
COMMENT ON COLUMN articles.site IS 'Publisher host without www. (e.g. care2.com), from the sidecar, the URL or the recognised site dialect.';
COMMENT ON COLUMN articles.title IS 'Headline: the first line of a text dump, or the page''s metadata headline.';
COMMENT ON COLUMN articles.byline IS 'Author as the page states it ("Written by NAME" under the title) or as the sidecar gives it.';
COMMENT ON COLUMN articles.published_at IS 'Publication time (UTC) from the sidecar, record or page metadata; NULL when unknown.';
COMMENT ON COLUMN articles.captured_at IS 'When the page was captured (UTC); relative comment times count back from it.';
COMMENT ON COLUMN articles.captured_at_source IS 'Where captured_at came from: sidecar, record (JSON Lines / WARC) or file_mtime (the dump''s modification time).';
COMMENT ON COLUMN articles.body_text IS 'Body paragraphs joined by one blank line, page furniture removed, non-breaking spaces made plain spaces.';
COMMENT ON COLUMN articles.paragraph_count IS 'Number of body paragraphs in body_text.';
COMMENT ON COLUMN articles.word_count IS 'Whitespace-separated tokens of body_text holding at least one letter or digit.';
COMMENT ON COLUMN articles.photo_credit IS 'Photo credit line without its "Photo credit:" label and final full stop.';
COMMENT ON COLUMN articles.declared_comment_count IS 'Comment count the page states (e.g. 57 from "57 comments"); usually more than the comments the dump shows.';
COMMENT ON COLUMN articles.petition_signatures IS 'Signature count the page states: a petition page''s counter (152347 from "152,347 supporters") or a petition blurb (80000 from "Over 80,000 ... have signed"); numbers read as people write them ("1.5k", "2 million", "80.000" on a German page).';
COMMENT ON COLUMN articles.source_path IS 'Dump file of the newest capture, relative to the landing directory.';
COMMENT ON COLUMN articles.source_format IS 'Dump format of that file: txt, html, jsonl or warc (gzip or not).';
COMMENT ON COLUMN articles.source_sha256 IS 'SHA-256 of that dump file''s bytes.';
COMMENT ON COLUMN articles.page_kind IS 'What the page is: article; petition (a petition page: its signature count and target); discussion (a thread: the whole thread, posts in order, is the body; the replies are also its comments). See docs/page-kinds.md.';
COMMENT ON COLUMN articles.petition_target IS 'Whom a petition page addresses (its "target:" line, e.g. a minister or a company); NULL elsewhere.';
