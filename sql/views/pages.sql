CREATE VIEW pages AS
SELECT
    c.source_path,
    c.record,
    a.page_kind,
    TRUE AS in_articles,
    c.article_id,
    NULL::VARCHAR AS reason
FROM article_captures AS c
JOIN articles AS a USING (article_id)
UNION ALL
SELECT
    e.source_path,
    e.record,
    -- the message of a not_an_article row starts with the page kind: "listing page “...”: why"
    regexp_extract(e.message, '^(\w+) page', 1) AS page_kind,
    FALSE AS in_articles,
    NULL::VARCHAR AS article_id,
    e.message AS reason
FROM ingest_errors AS e
WHERE e.error_kind = 'not_an_article';
COMMENT ON VIEW pages IS 'One row per page read from the landing directory, whatever its kind: the captures in articles and the pages left out of it (listing, profile, other, and discussions whose posts run together). Count pages by kind here; the engagement views count only articles.';
COMMENT ON COLUMN pages.source_path IS 'Dump file holding the page, relative to the landing directory (ingest_files.source_path).';
COMMENT ON COLUMN pages.record IS 'Line number (JSON Lines) or WARC record id of the page inside its file; NULL for single-page files.';
COMMENT ON COLUMN pages.page_kind IS 'article, listing, petition, discussion, profile or other (docs/page-kinds.md).';
COMMENT ON COLUMN pages.in_articles IS 'True when the page is in articles (article and petition pages, and discussion threads whose first post and replies were told apart).';
COMMENT ON COLUMN pages.article_id IS 'articles.article_id of the page; NULL when it is not in articles.';
COMMENT ON COLUMN pages.reason IS 'Why a page was left out of articles (the not_an_article message); NULL for pages in articles.';
