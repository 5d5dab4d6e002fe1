SELECT count(*) AS violations
FROM comments AS c
ANTI JOIN articles AS a USING (article_id);
