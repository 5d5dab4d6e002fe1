CREATE VIEW site_engagement AS
WITH per_article AS (
    SELECT
        a.site,
        a.article_id,
        a.declared_comment_count AS declared,
        count(c.comment_id) AS captured,
        count(c.comment_id) FILTER (WHERE NOT c.is_duplicate) AS distinct_comments,
        count(c.comment_id) FILTER (WHERE c.is_duplicate) AS duplicates
    FROM articles AS a
    LEFT JOIN comments AS c USING (article_id)
    GROUP BY ALL
),
commenters AS (
    SELECT a.site, count(DISTINCT c.author) AS unique_commenters
    FROM comments AS c
    JOIN articles AS a USING (article_id)
    GROUP BY ALL
),
quote_counts AS (
    SELECT a.site, count(*) AS quotes
    FROM quotes AS q
    JOIN articles AS a USING (article_id)
    GROUP BY ALL
)
SELECT
    p.site,
    count(*) AS articles,
    sum(p.captured)::BIGINT AS captured_comments,
    sum(p.distinct_comments)::BIGINT AS distinct_comments,
    coalesce(any_value(m.unique_commenters), 0) AS unique_commenters,
    median(p.distinct_comments) AS median_comments_per_article,
    CASE WHEN sum(p.captured) > 0 THEN sum(p.duplicates) / sum(p.captured) END AS duplicate_rate,
    CASE
        WHEN sum(p.declared) FILTER (WHERE p.declared > 0) > 0
            THEN sum(p.captured) FILTER (WHERE p.declared > 0) / sum(p.declared) FILTER (WHERE p.declared > 0)
    END AS capture_ratio,
    coalesce(any_value(q.quotes), 0) AS quotes
FROM per_article AS p
LEFT JOIN commenters AS m ON m.site IS NOT DISTINCT FROM p.site
LEFT JOIN quote_counts AS q ON q.site IS NOT DISTINCT FROM p.site
GROUP BY p.site;
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
