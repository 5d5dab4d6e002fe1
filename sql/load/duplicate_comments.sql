-- Only the comments in a group (the duplicates and the originals they point at) are grouped; an
-- original and its copies are on the same article (the comments_duplicate_of_exists check).
DELETE FROM duplicate_comments WHERE article_id IN (SELECT article_id FROM touched_articles);
INSERT INTO duplicate_comments BY NAME
WITH touched AS (
    SELECT comment_id, article_id, position, author, body, is_duplicate, duplicate_of
    FROM comments
    WHERE article_id IN (SELECT article_id FROM touched_articles)
),
grouped AS (
    SELECT
        coalesce(duplicate_of, comment_id) AS original_id,
        count(*) AS copies,
        list(comment_id ORDER BY position) AS comment_ids
    FROM touched
    WHERE is_duplicate OR comment_id IN (SELECT duplicate_of FROM touched WHERE is_duplicate)
    GROUP BY original_id
)
SELECT
    o.article_id,
    o.author,
    o.body,
    g.copies,
    o.position AS first_position,
    g.comment_ids
FROM grouped AS g
JOIN touched AS o ON o.comment_id = g.original_id
WHERE NOT o.is_duplicate AND g.copies > 1;
