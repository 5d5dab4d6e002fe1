-- Added up from build.commenter_days (kept per article), then each author's share of the site.
DELETE FROM commenter_activity;
INSERT INTO commenter_activity BY NAME
WITH per_author AS (
    SELECT
        site,
        author,
        sum(comments)::BIGINT AS comments,
        sum(distinct_comments)::BIGINT AS distinct_comments,
        sum(comments - distinct_comments)::BIGINT AS duplicate_comments,
        count(DISTINCT article_id) AS articles,
        min(first_posted) AS first_seen,
        max(last_posted) AS last_seen,
        CASE WHEN sum(distinct_comments) > 0 THEN sum(words) / sum(distinct_comments) END
            AS avg_words_per_comment
    FROM build.commenter_days
    GROUP BY site, author
)
SELECT
    *,
    distinct_comments / sum(distinct_comments) OVER (PARTITION BY site) AS share_of_site_comments
FROM per_author;
