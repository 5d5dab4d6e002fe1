-- Materialised at build time (filled by sql/load/commenter_activity.sql), so reading it costs a scan.
CREATE TABLE commenter_activity (
    site VARCHAR,
    author VARCHAR,
    comments BIGINT,
    distinct_comments BIGINT,
    duplicate_comments BIGINT,
    articles BIGINT,
    first_seen TIMESTAMP,
    last_seen TIMESTAMP,
    avg_words_per_comment DOUBLE,
    share_of_site_comments DOUBLE
);
COMMENT ON TABLE commenter_activity IS 'One row per site and comment author (display name): how much and when they commented. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN commenter_activity.site IS 'articles.site of the articles commented on (NULL when the site is unknown).';
COMMENT ON COLUMN commenter_activity.author IS 'comments.author, the short display name (e.g. Veronica D); names are compared exactly, so two people sharing a display name count as one.';
COMMENT ON COLUMN commenter_activity.comments IS 'Captured comments by this author on this site, duplicates included.';
COMMENT ON COLUMN commenter_activity.distinct_comments IS 'Captured comments that are not duplicates (comments.is_duplicate is false).';
COMMENT ON COLUMN commenter_activity.duplicate_comments IS 'Captured comments that repeat an earlier comment of theirs on the same article (comments - distinct_comments).';
COMMENT ON COLUMN commenter_activity.articles IS 'Distinct articles of the site the author commented on.';
COMMENT ON COLUMN commenter_activity.first_seen IS 'Earliest comment time (UTC), each comment timed at the midpoint of its posted window (posted_at_earliest..posted_at_latest).';
COMMENT ON COLUMN commenter_activity.last_seen IS 'Latest comment time (UTC), each comment timed at the midpoint of its posted window.';
COMMENT ON COLUMN commenter_activity.avg_words_per_comment IS 'Mean words per distinct comment (a word: a whitespace-separated token holding a letter or digit, as articles.word_count).';
COMMENT ON COLUMN commenter_activity.share_of_site_comments IS 'distinct_comments / all distinct comments on the site (0 to 1; the site''s rows sum to 1).';
