DELETE FROM ingest_files WHERE source_path IN (SELECT source_path FROM changed_files);
INSERT INTO ingest_files BY NAME
SELECT * EXCLUDE (size_mtime, parser_version, batch)
FROM staged_manifest
WHERE source_path IN (SELECT source_path FROM changed_files)
ORDER BY source_path;
