-- Materialised at build time (filled by sql/load/quote_sources.sql), so reading it costs a scan.
CREATE TABLE quote_sources (
    site VARCHAR,
    speaker VARCHAR,
    outlet VARCHAR,
    quotes BIGINT,
    articles BIGINT,
    direct_quotes BIGINT,
    block_quotes BIGINT
);
COMMENT ON TABLE quote_sources IS 'One row per site, speaker and outlet: who is quoted, credited to which publication. Scare quotes (kind scare) are not speech and are left out. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN quote_sources.site IS 'articles.site of the quoting articles.';
COMMENT ON COLUMN quote_sources.speaker IS 'quotes.speaker, the resolved person quoted; NULL when the article does not say who.';
COMMENT ON COLUMN quote_sources.outlet IS 'quotes.outlet, the publication the quote is credited to (BBC after "The BBC reports:"); NULL when the article credits none.';
COMMENT ON COLUMN quote_sources.quotes IS 'Direct and block quotes with this site, speaker and outlet (direct_quotes + block_quotes).';
COMMENT ON COLUMN quote_sources.articles IS 'Distinct articles holding those quotes.';
COMMENT ON COLUMN quote_sources.direct_quotes IS 'Of quotes, those of kind direct (speech quoted in running text).';
COMMENT ON COLUMN quote_sources.block_quotes IS 'Of quotes, those of kind block (quoted paragraphs, usually after a lead-in).';
