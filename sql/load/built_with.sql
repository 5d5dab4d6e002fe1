DELETE FROM build.built_with;
INSERT INTO build.built_with BY NAME SELECT * FROM staged_build;
