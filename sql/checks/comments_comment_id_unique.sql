-- asset: comments
-- severity: ERROR
-- description: comment_id is unique
SELECT count(*) - count(DISTINCT comment_id) AS violations FROM comments;
