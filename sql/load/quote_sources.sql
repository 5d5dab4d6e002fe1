DELETE FROM quote_sources;
INSERT INTO quote_sources BY NAME
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
