INSERT INTO ingest_files BY NAME
SELECT * EXCLUDE (size_mtime, parser_version, batch)
FROM staged_manifest
ORDER BY source_path;
