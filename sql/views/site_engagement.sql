-- Added up from the per-article counts of article_engagement; a site's commenters are its rows in
-- commenter_activity (one per site and author).
CREATE VIEW site_engagement AS
WITH commenters AS (
    SELECT site, count(*) AS unique_commenters
    FROM commenter_activity
    GROUP BY site
)
SELECT
    e.site,
    count(*) AS articles,
    sum(e.captured_comments)::BIGINT AS captured_comments,
    sum(e.distinct_comments)::BIGINT AS distinct_comments,
    coalesce(any_value(m.unique_commenters), 0) AS unique_commenters,
    median(e.distinct_comments) AS median_comments_per_article,
    CASE
        WHEN sum(e.captured_comments) > 0 THEN sum(e.duplicate_comments) / sum(e.captured_comments)
    END AS duplicate_rate,
    CASE
        WHEN sum(e.declared_comments) FILTER (WHERE e.declared_comments > 0) > 0
            THEN sum(e.captured_comments) FILTER (WHERE e.declared_comments > 0)
                / sum(e.declared_comments) FILTER (WHERE e.declared_comments > 0)
    END AS capture_ratio,
    sum(e.quotes)::BIGINT AS quotes
FROM article_engagement AS e
LEFT JOIN commenters AS m ON m.site IS NOT DISTINCT FROM e.site
GROUP BY e.site;
COMMENT ON VIEW site_engagement IS 'One row per site: articles, comments, commenters, duplicates, capture completeness and quotes. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN site_engagement.site IS 'articles.site (NULL groups the articles whose site is unknown).';
COMMENT ON COLUMN site_engagement.articles IS 'Articles of the site.';
COMMENT ON COLUMN site_engagement.captured_comments IS 'Comments the dumps show, duplicates included.';
COMMENT ON COLUMN site_engagement.distinct_comments IS 'Captured comments that are not duplicates.';
COMMENT ON COLUMN site_engagement.unique_commenters IS 'Distinct comment authors (display names) across the site''s articles.';
COMMENT ON COLUMN site_engagement.median_comments_per_article IS 'Median of distinct comments per article, articles without comments counting as 0 (mean of the middle two for an even count).';
COMMENT ON COLUMN site_engagement.duplicate_rate IS 'Duplicate comments / captured comments (0 to 1); NULL when no comment was captured.';
COMMENT ON COLUMN site_engagement.capture_ratio IS 'Sum of captured comments / sum of declared comment counts, both over the articles that declare a count above zero; NULL when none does.';
COMMENT ON COLUMN site_engagement.quotes IS 'Quotations in the site''s article bodies, all kinds.';
