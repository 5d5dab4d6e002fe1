-- Materialised at build time (filled by sql/load/article_engagement.sql), so reading it costs a scan.
CREATE TABLE article_engagement (
    article_id VARCHAR,
    site VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published_at TIMESTAMP,
    captured_at TIMESTAMP,
    declared_comments BIGINT,
    captured_comments BIGINT,
    distinct_comments BIGINT,
    duplicate_comments BIGINT,
    unique_commenters BIGINT,
    capture_ratio DOUBLE,
    quotes BIGINT,
    quoted_speakers BIGINT,
    word_count BIGINT,
    comments_per_1k_words DOUBLE,
    first_comment_at TIMESTAMP,
    last_comment_at TIMESTAMP,
    petition_signatures BIGINT
);
COMMENT ON TABLE article_engagement IS 'One row per article: declared against captured comments, duplicates, commenters and quotes. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
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
