CREATE TABLE article_captures (
    article_id VARCHAR NOT NULL,
    captured_at TIMESTAMP NOT NULL,
    declared_comment_count INTEGER,
    captured_comments INTEGER NOT NULL,
    source_path VARCHAR NOT NULL,
    source_sha256 VARCHAR NOT NULL,
    record VARCHAR
);
COMMENT ON TABLE article_captures IS 'One row per capture of an article page (articles keeps only the newest), to follow engagement over time.';
COMMENT ON COLUMN article_captures.article_id IS 'The article captured (articles.article_id).';
COMMENT ON COLUMN article_captures.captured_at IS 'When this capture was taken (UTC).';
COMMENT ON COLUMN article_captures.declared_comment_count IS 'Comment count the page stated in this capture.';
COMMENT ON COLUMN article_captures.captured_comments IS 'Comments this capture shows.';
COMMENT ON COLUMN article_captures.source_path IS 'Dump file of this capture, relative to the landing directory.';
COMMENT ON COLUMN article_captures.source_sha256 IS 'SHA-256 of that dump file.';
COMMENT ON COLUMN article_captures.record IS 'Line number (JSON Lines) or WARC record id of the capture inside its file; NULL for single-page files.';
