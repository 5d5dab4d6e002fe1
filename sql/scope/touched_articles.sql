-- Articles whose rows are replaced: those whose newest capture was in a changed file (it may be
-- gone or older now) and those with a capture in a changed file (it may be the newest now).
CREATE TEMP TABLE touched_articles AS
SELECT article_id FROM articles WHERE source_path IN (SELECT source_path FROM changed_files)
UNION
SELECT article_id FROM new_captures;
