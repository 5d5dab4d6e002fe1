-- What the next refresh compares the staging manifest with.
DELETE FROM build.manifest WHERE source_path IN (SELECT source_path FROM changed_files);
INSERT INTO build.manifest BY NAME
SELECT * FROM staged_manifest WHERE source_path IN (SELECT source_path FROM changed_files);
