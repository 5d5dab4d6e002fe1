-- The columns are the staging manifest's (ingest_files' plus size_mtime, parser_version, batch).
CREATE SCHEMA IF NOT EXISTS build;
CREATE TABLE build.manifest AS FROM staged_manifest LIMIT 0;
COMMENT ON TABLE build.manifest IS 'The staging manifest this warehouse was built from: one row per landed file, as in ingest_files, with the staged batch holding its parse. A refresh compares it with the current manifest and replaces only the rows of the files that differ.';
