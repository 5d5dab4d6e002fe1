-- Materialised at build time (filled by sql/load/daily_engagement.sql), so reading it costs a scan.
CREATE TABLE daily_engagement (
    site VARCHAR,
    day DATE,
    articles_published BIGINT,
    comments_posted BIGINT,
    active_commenters BIGINT
);
COMMENT ON TABLE daily_engagement IS 'One row per site and UTC day on which an article was published or a comment was posted. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN daily_engagement.site IS 'articles.site (NULL when the site is unknown).';
COMMENT ON COLUMN daily_engagement.day IS 'Calendar day in UTC.';
COMMENT ON COLUMN daily_engagement.articles_published IS 'Articles of the site whose published_at falls on the day (articles without published_at are not counted anywhere).';
COMMENT ON COLUMN daily_engagement.comments_posted IS 'Distinct comments (duplicates excluded) placed on the day of the midpoint of their posted window, posted_at_earliest + (posted_at_latest - posted_at_earliest) / 2; a relative time like "about a month ago" spans 15 days, so the day is an estimate. Comments without a posted window are not counted.';
COMMENT ON COLUMN daily_engagement.active_commenters IS 'Distinct authors of the comments counted in comments_posted.';
