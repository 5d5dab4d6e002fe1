-- Every page of the changed files' current parse (a batch may also hold older parses of files
-- parsed again since: only the batch the manifest names for a file counts).
CREATE TEMP TABLE new_captures AS
SELECT
    s.article_id,
    s.captured_at,
    s.declared_comment_count,
    s.source_path,
    s.source_sha256,
    s.record,
    s.batch
FROM staged_articles AS s
JOIN staged_manifest AS m USING (source_path, source_sha256, batch)
WHERE s.source_path IN (SELECT source_path FROM changed_files)
    AND s.batch IN (SELECT batch FROM changed_batches);
