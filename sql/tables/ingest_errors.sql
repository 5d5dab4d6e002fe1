CREATE TABLE ingest_errors (
    source_path VARCHAR NOT NULL,
    record VARCHAR,
    error_kind VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    seen_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE ingest_errors IS 'One row per problem met reading an input file; every file not fully loaded has at least one.';
COMMENT ON COLUMN ingest_errors.source_path IS 'File with the problem, relative to the landing directory, as in ingest_files (a sidecar problem is filed under its dump and names the sidecar in the message).';
COMMENT ON COLUMN ingest_errors.record IS 'Line number (JSON Lines) or WARC record id of the failing page; NULL when the whole file is concerned.';
COMMENT ON COLUMN ingest_errors.error_kind IS 'Machine-readable kind, e.g. empty_file, not_text, corrupt_gzip, bad_json_line, bad_sidecar, future_capture, no_title, not_an_article (a page read whole but left out of articles: a listing, profile, ...), unreadable (see docs/data-dictionary.md).';
COMMENT ON COLUMN ingest_errors.message IS 'What went wrong and what to do about it, for a person. A not_an_article message starts with the page kind ("listing page “Title”: why").';
COMMENT ON COLUMN ingest_errors.seen_at IS 'When the problem was found (UTC).';
