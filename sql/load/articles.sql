INSERT INTO articles
SELECT
    a.article_id, a.url, a.site, a.title, a.byline, a.published_at, a.captured_at,
    a.captured_at_source, a.body_text, a.paragraph_count, a.word_count, a.photo_credit,
    a.declared_comment_count, a.petition_signatures, a.source_path, a.source_format,
    a.source_sha256, a.page_kind, a.petition_target
FROM current_staged_articles AS a
JOIN newest_captures AS n
    ON a.article_id = n.article_id
    AND a.source_path = n.source_path
    AND a.source_sha256 = n.source_sha256
    AND a.record IS NOT DISTINCT FROM n.record
    AND a.batch = n.batch
ORDER BY a.article_id;
