INSERT INTO article_captures BY NAME
SELECT
    a.article_id,
    a.captured_at,
    a.declared_comment_count,
    count(c.comment_id)::INTEGER AS captured_comments,
    a.source_path,
    a.source_sha256,
    a.record
FROM current_staged_articles AS a
LEFT JOIN staged_comments AS c
    ON c.article_id = a.article_id
    AND c.source_path = a.source_path
    AND c.source_sha256 = a.source_sha256
    AND c.record IS NOT DISTINCT FROM a.record
    AND c.batch = a.batch
GROUP BY ALL
ORDER BY a.article_id, a.captured_at, a.source_path, a.record;
