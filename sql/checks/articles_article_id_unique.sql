SELECT count(*) - count(DISTINCT article_id) AS violations FROM articles;
