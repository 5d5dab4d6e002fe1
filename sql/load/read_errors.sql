DELETE FROM build.read_errors WHERE source_path IN (SELECT source_path FROM changed_error_paths);
INSERT INTO build.read_errors BY NAME
SELECT * FROM staged_read_errors WHERE source_path IN (SELECT source_path FROM changed_error_paths);
