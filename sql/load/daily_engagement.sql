-- Comments per day added up from build.commenter_days (kept per article); articles counted afresh.
DELETE FROM daily_engagement;
INSERT INTO daily_engagement BY NAME
WITH published AS (
    SELECT site, CAST(published_at AS DATE) AS day, count(*) AS articles_published
    FROM articles
    WHERE published_at IS NOT NULL
    GROUP BY ALL
),
posted AS (
    SELECT
        site,
        day,
        sum(distinct_comments)::BIGINT AS comments_posted,
        count(DISTINCT author) AS active_commenters
    FROM build.commenter_days
    WHERE day IS NOT NULL AND distinct_comments > 0
    GROUP BY ALL
)
SELECT
    site,
    day,
    coalesce(p.articles_published, 0) AS articles_published,
    coalesce(c.comments_posted, 0) AS comments_posted,
    coalesce(c.active_commenters, 0) AS active_commenters
FROM published AS p
FULL OUTER JOIN posted AS c USING (site, day);
