CREATE VIEW quote_sources AS
SELECT
    a.site,
    q.speaker,
    q.outlet,
    count(*) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    count(*) FILTER (WHERE q.kind = 'direct') AS direct_quotes,
    count(*) FILTER (WHERE q.kind = 'block') AS block_quotes
FROM quotes AS q
JOIN articles AS a USING (article_id)
WHERE q.kind <> 'scare'
GROUP BY a.site, q.speaker, q.outlet;
COMMENT ON VIEW quote_sources IS 'One row per site, speaker and outlet: who is quoted, credited to which publication. Scare quotes (kind scare) are not speech and are left out. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN quote_sources.site IS 'articles.site of the quoting articles.';
COMMENT ON COLUMN quote_sources.speaker IS 'quotes.speaker, the resolved person quoted; NULL when the article does not say who.';
COMMENT ON COLUMN quote_sources.outlet IS 'quotes.outlet, the publication the quote is credited to (BBC after "The BBC reports:"); NULL when the article credits none.';
COMMENT ON COLUMN quote_sources.quotes IS 'Direct and block quotes with this site, speaker and outlet (direct_quotes + block_quotes).';
COMMENT ON COLUMN quote_sources.articles IS 'Distinct articles holding those quotes.';
COMMENT ON COLUMN quote_sources.direct_quotes IS 'Of quotes, those of kind direct (speech quoted in running text).';
COMMENT ON COLUMN quote_sources.block_quotes IS 'Of quotes, those of kind block (quoted paragraphs, usually after a lead-in).';
