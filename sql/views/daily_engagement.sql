CREATE VIEW daily_engagement AS
WITH published AS (
    SELECT site, CAST(published_at AS DATE) AS day, count(*) AS articles_published
    FROM articles
    WHERE published_at IS NOT NULL
    GROUP BY ALL
),
posted AS (
    SELECT
        a.site,
        CAST(c.posted_at_earliest + (c.posted_at_latest - c.posted_at_earliest) / 2 AS DATE) AS day,
        count(*) AS comments_posted,
        count(DISTINCT c.author) AS active_commenters
    FROM comments AS c
    JOIN articles AS a USING (article_id)
    WHERE NOT c.is_duplicate AND c.posted_at_earliest IS NOT NULL AND c.posted_at_latest IS NOT NULL
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
COMMENT ON VIEW daily_engagement IS 'One row per site and UTC day on which an article was published or a comment was posted. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN daily_engagement.site IS 'articles.site (NULL when the site is unknown).';
COMMENT ON COLUMN daily_engagement.day IS 'Calendar day in UTC.';
COMMENT ON COLUMN daily_engagement.articles_published IS 'Articles of the site whose published_at falls on the day (articles without published_at are not counted anywhere).';
COMMENT ON COLUMN daily_engagement.comments_posted IS 'Distinct comments (duplicates excluded) placed on the day of the midpoint of their posted window, posted_at_earliest + (posted_at_latest - posted_at_earliest) / 2; a relative time like "about a month ago" spans 15 days, so the day is an estimate. Comments without a posted window are not counted.';
COMMENT ON COLUMN daily_engagement.active_commenters IS 'Distinct authors of the comments counted in comments_posted.';
