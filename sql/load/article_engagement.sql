DELETE FROM article_engagement WHERE article_id IN (SELECT article_id FROM touched_articles);
INSERT INTO article_engagement BY NAME
WITH comment_stats AS (
    SELECT
        article_id,
        count(*) AS captured_comments,
        count(*) FILTER (WHERE NOT is_duplicate) AS distinct_comments,
        count(*) FILTER (WHERE is_duplicate) AS duplicate_comments,
        count(DISTINCT author) AS unique_commenters,
        min(posted_at_earliest + (posted_at_latest - posted_at_earliest) / 2) AS first_comment_at,
        max(posted_at_earliest + (posted_at_latest - posted_at_earliest) / 2) AS last_comment_at
    FROM comments
    WHERE article_id IN (SELECT article_id FROM touched_articles)
    GROUP BY article_id
),
quote_stats AS (
    SELECT article_id, count(*) AS quotes, count(DISTINCT speaker) AS quoted_speakers
    FROM quotes
    WHERE article_id IN (SELECT article_id FROM touched_articles)
    GROUP BY article_id
)
SELECT
    a.article_id,
    a.site,
    a.url,
    a.title,
    a.published_at,
    a.captured_at,
    a.declared_comment_count AS declared_comments,
    coalesce(c.captured_comments, 0) AS captured_comments,
    coalesce(c.distinct_comments, 0) AS distinct_comments,
    coalesce(c.duplicate_comments, 0) AS duplicate_comments,
    coalesce(c.unique_commenters, 0) AS unique_commenters,
    CASE
        WHEN coalesce(a.declared_comment_count, 0) > 0
            THEN coalesce(c.captured_comments, 0) / a.declared_comment_count
    END AS capture_ratio,
    coalesce(q.quotes, 0) AS quotes,
    coalesce(q.quoted_speakers, 0) AS quoted_speakers,
    a.word_count,
    CASE
        WHEN a.word_count > 0 THEN coalesce(c.distinct_comments, 0) * 1000.0 / a.word_count
    END AS comments_per_1k_words,
    c.first_comment_at,
    c.last_comment_at,
    a.petition_signatures
FROM articles AS a
LEFT JOIN comment_stats AS c USING (article_id)
LEFT JOIN quote_stats AS q USING (article_id)
WHERE a.article_id IN (SELECT article_id FROM touched_articles);
