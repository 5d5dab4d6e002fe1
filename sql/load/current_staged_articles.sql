-- Staged rows of files whose current content is in the manifest (older versions of changed files
-- stay on disk in the staging store but are left out here).
CREATE TEMP VIEW current_staged_articles AS
SELECT s.*
FROM staged_articles AS s
JOIN staged_manifest AS m USING (source_path, source_sha256);
