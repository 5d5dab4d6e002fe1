-- The staged batches holding the current parse of those files: the staged_* relations read after
-- this statement cover exactly these batches.
CREATE TEMP TABLE changed_batches AS
SELECT DISTINCT batch
FROM staged_manifest
WHERE batch IS NOT NULL AND source_path IN (SELECT source_path FROM changed_error_paths);
