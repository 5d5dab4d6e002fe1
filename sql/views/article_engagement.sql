CREATE VIEW article_engagement AS
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
    GROUP BY article_id
),
quote_stats AS (
    SELECT article_id, count(*) AS quotes, count(DISTINCT speaker) AS quoted_speakers
    FROM quotes
    GROUP BY article_id
)
SELECT
    a.article_id,
    a.site,
    a.url,
    a.title,
    a.published_at,
    a.captured_at,
    a.declared_comment_count::BIGINT AS declared_comments,
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
    a.word_count::BIGINT AS word_count,
    CASE
        WHEN a.word_count > 0 THEN coalesce(c.distinct_comments, 0) * 1000.0 / a.word_count
    END AS comments_per_1k_words,
    c.first_comment_at,
    c.last_comment_at,
    a.petition_signatures
FROM articles AS a
LEFT JOIN comment_stats AS c USING (article_id)
LEFT JOIN quote_stats AS q USING (article_id);
COMMENT ON VIEW article_engagement IS 'One row per article: declared against captured comments, duplicates, commenters and quotes. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN article_engagement.article_id IS 'articles.article_id.';
COMMENT ON COLUMN article_engagement.site IS 'articles.site.';
COMMENT ON COLUMN article_engagement.url IS 'articles.url.';
COMMENT ON COLUMN article_engagement.title IS 'articles.title.';
COMMENT ON COLUMN article_engagement.published_at IS 'articles.published_at (UTC).';
COMMENT ON COLUMN article_engagement.captured_at IS 'articles.captured_at (UTC) of the newest capture.';
COMMENT ON COLUMN article_engagement.declared_comments IS 'Comment count the page states (articles.declared_comment_count); NULL when it states none.';
COMMENT ON COLUMN article_engagement.captured_comments IS 'Comments the dump shows, duplicates included.';
COMMENT ON COLUMN article_engagement.distinct_comments IS 'Captured comments that are not duplicates (see comments.is_duplicate).';
COMMENT ON COLUMN article_engagement.duplicate_comments IS 'Captured comments that repeat an earlier comment by the same author with the same body.';
COMMENT ON COLUMN article_engagement.unique_commenters IS 'Distinct comment authors (display names) among captured comments.';
COMMENT ON COLUMN article_engagement.capture_ratio IS 'captured_comments / declared_comments (0 to 1, above 1 only when the stated count is older than the comments shown); NULL when the page declares no count or zero.';
COMMENT ON COLUMN article_engagement.quotes IS 'Quotations in the body, all kinds (direct, block, scare).';
COMMENT ON COLUMN article_engagement.quoted_speakers IS 'Distinct resolved speakers among the quotes (scare quotes have none).';
COMMENT ON COLUMN article_engagement.word_count IS 'articles.word_count.';
COMMENT ON COLUMN article_engagement.comments_per_1k_words IS 'distinct_comments per 1,000 body words; NULL for an empty body.';
COMMENT ON COLUMN article_engagement.first_comment_at IS 'Earliest captured comment (UTC), each comment timed at the midpoint of its posted window (posted_at_earliest..posted_at_latest); NULL when no comment has a window.';
COMMENT ON COLUMN article_engagement.last_comment_at IS 'Latest captured comment (UTC), each comment timed at the midpoint of its posted window.';
COMMENT ON COLUMN article_engagement.petition_signatures IS 'articles.petition_signatures.';
