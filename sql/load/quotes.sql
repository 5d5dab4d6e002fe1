DELETE FROM quotes WHERE article_id IN (SELECT article_id FROM touched_articles);
INSERT INTO quotes BY NAME
SELECT q.* EXCLUDE (source_path, source_sha256, record, batch)
FROM staged_quotes AS q
SEMI JOIN chunk_captures AS n
    ON q.article_id = n.article_id
    AND q.source_path = n.source_path
    AND q.source_sha256 = n.source_sha256
    AND q.record IS NOT DISTINCT FROM n.record
    AND q.batch = n.batch;
