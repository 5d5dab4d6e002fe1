DELETE FROM comments WHERE article_id IN (SELECT article_id FROM touched_articles);
INSERT INTO comments BY NAME
SELECT c.* EXCLUDE (source_path, source_sha256, record, batch)
FROM staged_comments AS c
SEMI JOIN chunk_captures AS n
    ON c.article_id = n.article_id
    AND c.source_path = n.source_path
    AND c.source_sha256 = n.source_sha256
    AND c.record IS NOT DISTINCT FROM n.record
    AND c.batch = n.batch;
