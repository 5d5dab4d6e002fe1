-- asset: articles
-- severity: ERROR
-- description: article_id is unique
SELECT count(*) - count(DISTINCT article_id) AS violations FROM articles;
