-- asset: ingest_files
-- severity: WARN
-- description: every file not fully loaded has at least one ingest_errors row a person can act on, and a skipped file a not_an_article row saying which kind of page it holds and why
SELECT count(*) AS violations
FROM ingest_files AS f
WHERE f.status <> 'loaded'
    AND NOT EXISTS (
        SELECT 1 FROM ingest_errors AS e
        WHERE e.source_path = f.source_path
            AND (f.status <> 'skipped' OR e.error_kind = 'not_an_article')
    );
