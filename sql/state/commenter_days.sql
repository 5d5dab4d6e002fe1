CREATE SCHEMA IF NOT EXISTS build;
CREATE TABLE build.commenter_days (
    article_id VARCHAR NOT NULL,
    site VARCHAR,
    author VARCHAR NOT NULL,
    day DATE,
    comments BIGINT NOT NULL,
    distinct_comments BIGINT NOT NULL,
    words BIGINT NOT NULL,
    first_posted TIMESTAMP,
    last_posted TIMESTAMP
);
COMMENT ON TABLE build.commenter_days IS 'One row per article, comment author and UTC day (of each comment''s posted-window midpoint; NULL for comments without a window): the per-article counts commenter_activity and daily_engagement add up, kept so that a refresh counts again only the comments of the articles it touches.';
COMMENT ON COLUMN build.commenter_days.article_id IS 'comments.article_id.';
COMMENT ON COLUMN build.commenter_days.site IS 'articles.site of the article.';
COMMENT ON COLUMN build.commenter_days.author IS 'comments.author.';
COMMENT ON COLUMN build.commenter_days.day IS 'Day of the midpoint of the posted window, posted_at_earliest + (posted_at_latest - posted_at_earliest) / 2; NULL when either end is unknown.';
COMMENT ON COLUMN build.commenter_days.comments IS 'Comments, duplicates included.';
COMMENT ON COLUMN build.commenter_days.distinct_comments IS 'Comments that are not duplicates.';
COMMENT ON COLUMN build.commenter_days.words IS 'Words of the comments that are not duplicates (the articles.word_count rule).';
COMMENT ON COLUMN build.commenter_days.first_posted IS 'Earliest posted-window midpoint among the comments, duplicates included.';
COMMENT ON COLUMN build.commenter_days.last_posted IS 'Latest posted-window midpoint among the comments, duplicates included.';
