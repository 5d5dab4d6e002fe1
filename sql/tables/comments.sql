CREATE TABLE comments (
    comment_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    author VARCHAR NOT NULL,
    author_label VARCHAR,
    posted_text VARCHAR,
    posted_at_earliest TIMESTAMP,
    posted_at_latest TIMESTAMP,
    body VARCHAR NOT NULL,
    is_duplicate BOOLEAN NOT NULL,
    duplicate_of VARCHAR,
    parent_comment_id VARCHAR,
    word_count INTEGER NOT NULL
);
COMMENT ON TABLE comments IS 'One row per reader comment shown in the newest capture of an article.';
COMMENT ON COLUMN comments.comment_id IS 'Stable id: a hash of article id, author, body and which copy of a double post it is (not the position, so re-captures keep ids).';
COMMENT ON COLUMN comments.article_id IS 'The article commented on (articles.article_id).';
COMMENT ON COLUMN comments.position IS '1-based position in display order.';
COMMENT ON COLUMN comments.author IS 'Short display name (e.g. Veronica D), split from the relative time it is glued to in text dumps.';
COMMENT ON COLUMN comments.author_label IS 'The name line shown above the comment (e.g. Veronica Danie).';
COMMENT ON COLUMN comments.posted_text IS 'Posting time as the page words it (e.g. 24 days ago).';
COMMENT ON COLUMN comments.posted_at_earliest IS 'Earliest posting time (UTC) the relative wording allows, counted back from captured_at by jQuery timeago''s rounding rule; equal to posted_at_latest when the page gives an absolute time.';
COMMENT ON COLUMN comments.posted_at_latest IS 'Latest posting time (UTC) the relative wording allows.';
COMMENT ON COLUMN comments.body IS 'Comment text; paragraphs joined by one blank line; buttons such as SEND removed.';
COMMENT ON COLUMN comments.is_duplicate IS 'True when an earlier comment on the same article has the same author and the same body (ignoring case and white space).';
COMMENT ON COLUMN comments.duplicate_of IS 'comment_id of the original (the first copy in display order) when is_duplicate.';
COMMENT ON COLUMN comments.parent_comment_id IS 'comment_id of the comment replied to; NULL where the dump shows no threading.';
COMMENT ON COLUMN comments.word_count IS 'Whitespace-separated tokens of body holding at least one letter or digit (the articles.word_count rule).';
