INSERT INTO ingest_errors
SELECT source_path, record, error_kind, message, seen_at
FROM (
    SELECT e.source_path, e.record, e.error_kind, e.message, e.seen_at
    FROM staged_errors AS e
    JOIN staged_manifest AS m
        ON m.source_sha256 = e.source_sha256
        AND m.batch = e.batch
        AND e.source_path = m.source_path
    UNION ALL
    SELECT source_path, record, error_kind, message, seen_at
    FROM staged_read_errors
)
ORDER BY source_path, record NULLS FIRST, error_kind, message;
