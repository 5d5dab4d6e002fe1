DELETE FROM build.commenter_days WHERE article_id IN (SELECT article_id FROM touched_articles);
INSERT INTO build.commenter_days BY NAME
WITH touched AS (
    SELECT
        article_id,
        author,
        is_duplicate,
        posted_at_earliest + (posted_at_latest - posted_at_earliest) / 2 AS posted_mid,
        word_count AS words
    FROM comments
    WHERE article_id IN (SELECT article_id FROM touched_articles)
)
SELECT
    c.article_id,
    a.site,
    c.author,
    CAST(c.posted_mid AS DATE) AS day,
    count(*) AS comments,
    count(*) FILTER (WHERE NOT c.is_duplicate) AS distinct_comments,
    coalesce(sum(c.words) FILTER (WHERE NOT c.is_duplicate), 0) AS words,
    min(c.posted_mid) AS first_posted,
    max(c.posted_mid) AS last_posted
FROM touched AS c
JOIN articles AS a USING (article_id)
GROUP BY c.article_id, a.site, c.author, day;
