-- asset: quotes
-- severity: ERROR
-- description: every quote's article_id is in articles
SELECT count(*) AS violations
FROM quotes AS q
ANTI JOIN articles AS a USING (article_id);
