-- The touched articles in the groups the per-article loads take one at a time, so that what a
-- load holds in memory is one group's, not the corpus's: the staged batches of their newest
-- captures in name order, a group closing after about getvariable('load_chunk_articles')
-- articles (an article's rows all come from the batch of its newest capture, so a group's loads
-- read its batches only). Articles with no capture left (retired) go with the first group.
CREATE TEMP TABLE load_chunks AS
WITH per_batch AS (
    SELECT batch, count(*) AS articles FROM newest_captures GROUP BY batch
),
grouped AS (
    SELECT
        batch,
        (sum(articles) OVER (ORDER BY batch ROWS UNBOUNDED PRECEDING) - articles)
            // getvariable('load_chunk_articles') AS chunk
    FROM per_batch
)
SELECT t.article_id, n.batch, coalesce(g.chunk, 0) AS chunk
FROM touched_articles AS t
LEFT JOIN newest_captures AS n USING (article_id)
LEFT JOIN grouped AS g USING (batch);
