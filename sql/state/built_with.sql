CREATE SCHEMA IF NOT EXISTS build;
CREATE TABLE build.built_with (
    code_fingerprint VARCHAR NOT NULL
);
COMMENT ON TABLE build.built_with IS 'What the warehouse was built with: a hash of every file in sql/, the staged Parquet schemas and the DuckDB version. A refresh built with anything else starts from scratch instead of applying its changes to this file.';
COMMENT ON COLUMN build.built_with.code_fingerprint IS 'SHA-256 of sql/ (names and contents), the staging schemas and the DuckDB version.';
