INSERT INTO ingest_files
SELECT
    source_path, source_sha256, bytes, source_format, status, articles, first_seen_at,
    last_loaded_at
FROM staged_manifest
ORDER BY source_path;
