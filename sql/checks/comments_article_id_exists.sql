-- asset: comments
-- severity: ERROR
-- description: every comment's article_id is in articles
SELECT count(*) AS violations
FROM comments AS c
ANTI JOIN articles AS a USING (article_id);
