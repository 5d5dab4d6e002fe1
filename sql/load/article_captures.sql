DELETE FROM article_captures WHERE source_path IN (SELECT source_path FROM changed_files);
INSERT INTO article_captures BY NAME
SELECT
    a.article_id,
    a.captured_at,
    a.declared_comment_count,
    count(c.comment_id)::INTEGER AS captured_comments,
    a.source_path,
    a.source_sha256,
    a.record
FROM new_captures AS a
LEFT JOIN staged_comments AS c
    ON c.article_id = a.article_id
    AND c.source_path = a.source_path
    AND c.source_sha256 = a.source_sha256
    AND c.record IS NOT DISTINCT FROM a.record
    AND c.batch = a.batch
GROUP BY ALL;
