-- The newest capture of each article wins; ties (same capture time) go to the later path and record
-- so that the choice never depends on load order.
INSERT INTO articles
SELECT
    article_id, url, site, title, byline, published_at, captured_at, captured_at_source, body_text,
    paragraph_count, word_count, photo_credit, declared_comment_count, petition_signatures,
    source_path, source_format, source_sha256
FROM newest_captures
ORDER BY article_id;
