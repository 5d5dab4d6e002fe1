-- Files whose manifest row differs from the one the warehouse was built from (build.manifest):
-- new, changed, touched and parsed again, or retired. Every row they gave is replaced; on a build
-- from scratch build.manifest is empty and every file is changed.
CREATE TEMP TABLE changed_files AS
SELECT DISTINCT source_path
FROM (
    (SELECT * FROM build.manifest EXCEPT ALL SELECT * FROM staged_manifest)
    UNION ALL
    (SELECT * FROM staged_manifest EXCEPT ALL SELECT * FROM build.manifest)
);
