CREATE TABLE ingest_files (
    source_path VARCHAR NOT NULL,
    source_sha256 VARCHAR,
    bytes BIGINT NOT NULL,
    source_format VARCHAR,
    status VARCHAR NOT NULL CHECK (status IN ('loaded', 'partial', 'rejected', 'skipped')),
    articles INTEGER NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    last_loaded_at TIMESTAMP
);
COMMENT ON TABLE ingest_files IS 'One row per input file ever seen in the landing directory (sidecars travel with their dump). Nothing is dropped silently: a file not loaded has rows in ingest_errors.';
COMMENT ON COLUMN ingest_files.source_path IS 'Path relative to the landing directory.';
COMMENT ON COLUMN ingest_files.source_sha256 IS 'SHA-256 of the bytes last read; NULL when the file could not be read.';
COMMENT ON COLUMN ingest_files.bytes IS 'Size in bytes when last read.';
COMMENT ON COLUMN ingest_files.source_format IS 'Dump format the name announces (txt, html, jsonl, warc); NULL when it announces none.';
COMMENT ON COLUMN ingest_files.status IS 'loaded: every page landed (or, in a file of several pages, was left out as no article: see its not_an_article rows); partial: some pages landed and problems are in ingest_errors; skipped: read whole, but it holds no article page (a listing, profile, ...: its not_an_article rows in ingest_errors say which and why); rejected: nothing landed because of a problem, see ingest_errors.';
COMMENT ON COLUMN ingest_files.articles IS 'Pages this file put into articles (articles, petitions, discussion threads).';
COMMENT ON COLUMN ingest_files.first_seen_at IS 'When a build first saw this path (UTC).';
COMMENT ON COLUMN ingest_files.last_loaded_at IS 'When its current content was parsed (UTC); NULL when it never could be.';
