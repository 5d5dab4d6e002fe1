DELETE FROM articles WHERE article_id IN (SELECT article_id FROM touched_articles);
INSERT INTO articles BY NAME
SELECT a.* EXCLUDE (record, batch)
FROM staged_articles AS a
SEMI JOIN chunk_captures AS n
    ON a.article_id = n.article_id
    AND a.source_path = n.source_path
    AND a.source_sha256 = n.source_sha256
    AND a.record IS NOT DISTINCT FROM n.record
    AND a.batch = n.batch;
