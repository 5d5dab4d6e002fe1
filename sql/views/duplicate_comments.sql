-- Materialised at build time (filled by sql/load/duplicate_comments.sql), so reading it costs a scan.
CREATE TABLE duplicate_comments (
    article_id VARCHAR,
    author VARCHAR,
    body VARCHAR,
    copies BIGINT,
    first_position BIGINT,
    comment_ids VARCHAR[]
);
COMMENT ON TABLE duplicate_comments IS 'One row per group of repeated comments: an original and its duplicates (same article, same author, same body ignoring case and white space). Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN duplicate_comments.article_id IS 'The article the copies are on (articles.article_id).';
COMMENT ON COLUMN duplicate_comments.author IS 'comments.author of the original.';
COMMENT ON COLUMN duplicate_comments.body IS 'comments.body of the original (the copies may differ in case and white space).';
COMMENT ON COLUMN duplicate_comments.copies IS 'Comments in the group, the original included (so at least 2; duplicates = copies - 1).';
COMMENT ON COLUMN duplicate_comments.first_position IS 'comments.position of the original, the first copy in display order.';
COMMENT ON COLUMN duplicate_comments.comment_ids IS 'comment_id of every copy in display order; the first is the original.';
