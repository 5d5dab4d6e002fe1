-- Staged rows of the batch that holds each file's current parse, as the manifest records it (older
-- parses of changed, touched or retired files may stay on disk until pruned, but are left out here).
CREATE TEMP VIEW current_staged_articles AS
SELECT s.*
FROM staged_articles AS s
JOIN staged_manifest AS m USING (source_path, source_sha256, batch);
