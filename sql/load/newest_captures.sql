CREATE TEMP TABLE newest_captures AS
SELECT *
FROM current_staged_articles
QUALIFY row_number() OVER (
    PARTITION BY article_id
    ORDER BY captured_at DESC, source_path DESC, coalesce(record, '') DESC
) = 1;
