DELETE FROM ingest_errors WHERE source_path IN (SELECT source_path FROM changed_error_paths);
INSERT INTO ingest_errors BY NAME
SELECT *
FROM (
    SELECT e.* EXCLUDE (source_sha256, batch)
    FROM staged_errors AS e
    JOIN staged_manifest AS m
        ON m.source_sha256 = e.source_sha256
        AND m.batch = e.batch
        AND e.source_path = m.source_path
    WHERE e.source_path IN (SELECT source_path FROM changed_error_paths)
    UNION ALL BY NAME
    SELECT *
    FROM staged_read_errors
    WHERE source_path IN (SELECT source_path FROM changed_error_paths)
)
ORDER BY source_path, record NULLS FIRST, error_kind, message;
