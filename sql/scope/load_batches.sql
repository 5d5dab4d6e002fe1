-- The staged batches the loads read: the changed files' and those of every newest capture (an
-- article whose newest capture was retired falls back to an older one, in an unchanged file).
CREATE TEMP TABLE load_batches AS
SELECT batch FROM changed_batches
UNION
SELECT batch FROM newest_captures;
