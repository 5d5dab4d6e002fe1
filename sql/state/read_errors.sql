-- The columns are ingest_errors'.
CREATE SCHEMA IF NOT EXISTS build;
CREATE TABLE build.read_errors AS FROM staged_read_errors LIMIT 0;
COMMENT ON TABLE build.read_errors IS 'The problems of files with no staged records (unreadable, or their parse stopped) this warehouse was built from, as in ingest_errors: a refresh files again the problems of the files whose list differs.';
