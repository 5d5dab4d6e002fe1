-- Files whose ingest_errors rows are filed again: the changed files, and those whose problems
-- without staged records (build.read_errors) differ, such as a file unreadable this time whose
-- earlier content is kept.
CREATE TEMP TABLE changed_error_paths AS
SELECT source_path FROM changed_files
UNION
SELECT source_path
FROM (
    (SELECT * FROM build.read_errors EXCEPT ALL SELECT * FROM staged_read_errors)
    UNION ALL
    (SELECT * FROM staged_read_errors EXCEPT ALL SELECT * FROM build.read_errors)
);
