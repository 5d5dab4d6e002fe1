-- The newest captures of the group's touched articles: what the per-article loads join their
-- staged rows with, so that each group's joins build a group's hash table, not the corpus's.
CREATE OR REPLACE TEMP TABLE chunk_captures AS
SELECT n.*
FROM newest_captures AS n
SEMI JOIN touched_articles AS t USING (article_id);
