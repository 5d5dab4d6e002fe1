SELECT count(*) AS violations
FROM quotes AS q
ANTI JOIN articles AS a USING (article_id);
