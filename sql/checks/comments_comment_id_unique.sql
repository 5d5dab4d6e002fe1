SELECT count(*) - count(DISTINCT comment_id) AS violations FROM comments;
