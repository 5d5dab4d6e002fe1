-- One group of load_chunks (getvariable('load_chunk')) as the touched articles the per-article
-- loads read: the build runs those loads once per group, in order.
CREATE OR REPLACE TEMP TABLE touched_articles AS
SELECT article_id FROM load_chunks WHERE chunk = getvariable('load_chunk');
