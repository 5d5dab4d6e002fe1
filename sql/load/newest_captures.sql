-- The newest capture of each article wins; ties (same capture time) go to the later path and record
-- so that the choice never depends on load order. Only the keys are kept: the rows (with their
-- bodies) are read from the staged Parquet again where needed, so this temp table stays small.
CREATE TEMP TABLE newest_captures AS
SELECT article_id, source_path, source_sha256, record, batch
FROM current_staged_articles
QUALIFY row_number() OVER (
    PARTITION BY article_id
    ORDER BY captured_at DESC, source_path DESC, coalesce(record, '') DESC
) = 1;
