-- asset: comments
-- severity: ERROR
-- description: every duplicate points at an original on the same article that is not itself a duplicate
SELECT count(*) AS violations
FROM comments AS d
WHERE d.is_duplicate
    AND NOT EXISTS (
        SELECT 1 FROM comments AS o
        WHERE o.comment_id = d.duplicate_of AND o.article_id = d.article_id AND NOT o.is_duplicate
    );
