INSERT INTO comments
SELECT
    c.comment_id, c.article_id, c.position, c.author, c.author_label, c.posted_text,
    c.posted_at_earliest, c.posted_at_latest, c.body, c.is_duplicate, c.duplicate_of,
    c.parent_comment_id
FROM staged_comments AS c
JOIN newest_captures AS n
    ON c.article_id = n.article_id
    AND c.source_path = n.source_path
    AND c.source_sha256 = n.source_sha256
    AND c.record IS NOT DISTINCT FROM n.record
    AND c.batch = n.batch
ORDER BY c.article_id, c.position;
