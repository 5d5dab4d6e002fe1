-- The newest capture of each touched article, among its captures in unchanged files (as
-- article_captures holds them) and in the changed files' current parse. Ties (same capture time) go
-- to the later path and record, so the choice never depends on load order.
CREATE TEMP TABLE newest_captures AS
WITH candidates AS (
    SELECT c.article_id, c.captured_at, c.source_path, c.source_sha256, c.record, m.batch
    FROM article_captures AS c
    JOIN staged_manifest AS m USING (source_path, source_sha256)
    WHERE c.article_id IN (SELECT article_id FROM touched_articles)
        AND c.source_path NOT IN (SELECT source_path FROM changed_files)
    UNION ALL
    SELECT article_id, captured_at, source_path, source_sha256, record, batch
    FROM new_captures
)
SELECT article_id, source_path, source_sha256, record, batch
FROM candidates
QUALIFY row_number() OVER (
    PARTITION BY article_id
    ORDER BY captured_at DESC, source_path DESC, coalesce(record, '') DESC
) = 1;
