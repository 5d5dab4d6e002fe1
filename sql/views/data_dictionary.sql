CREATE VIEW data_dictionary AS
-- The warehouse documents itself: every COMMENT ON in sql/, readable from any SQL client
-- (DESCRIBE shows names and types only). Read from the catalogue at query time, so it always
-- matches the relations that exist. Only the database(s) holding this view are listed, so a
-- session that ATTACHes the warehouse beside other databases sees the warehouse's relations.
-- A DuckLake warehouse cannot keep comments on a view's columns; it keeps them on an empty table
-- of the same name and columns in its schema view_column_docs (warehouse/lake.py), read here too.
WITH warehouse AS (
    SELECT database_name FROM duckdb_views()
    WHERE view_name = 'data_dictionary' AND schema_name = 'main' AND NOT temporary
),
relations AS (
    SELECT database_name, table_name AS relation, 'table' AS kind, comment
    FROM duckdb_tables()
    WHERE schema_name = 'main' AND NOT temporary AND NOT internal
    UNION ALL
    SELECT database_name, view_name, 'view', comment
    FROM duckdb_views()
    WHERE schema_name = 'main' AND NOT temporary AND NOT internal
)
SELECT
    r.relation,
    r.kind,
    0::BIGINT AS position,
    NULL::VARCHAR AS column_name,
    NULL::VARCHAR AS data_type,
    NULL::BOOLEAN AS nullable,
    r.comment AS meaning
FROM relations AS r
WHERE r.database_name IN (SELECT database_name FROM warehouse)
UNION ALL
SELECT
    r.relation,
    r.kind,
    c.column_index::BIGINT,
    c.column_name,
    c.data_type,
    CASE WHEN r.kind = 'table' THEN c.is_nullable END,
    coalesce(c.comment, d.comment)
FROM relations AS r
JOIN duckdb_columns() AS c
    ON c.database_name = r.database_name AND c.schema_name = 'main' AND c.table_name = r.relation
LEFT JOIN duckdb_columns() AS d
    ON d.database_name = r.database_name
    AND d.schema_name = 'view_column_docs'
    AND d.table_name = r.relation
    AND d.column_name = c.column_name
WHERE r.database_name IN (SELECT database_name FROM warehouse)
ORDER BY relation, position;
COMMENT ON VIEW data_dictionary IS 'The documentation of every table and view, column by column, from the COMMENTs in sql/: SELECT * FROM data_dictionary WHERE relation = ''comments''. One row per relation (position 0, column_name NULL: what a row of it is) and one per column.';
COMMENT ON COLUMN data_dictionary.relation IS 'Table or view name.';
COMMENT ON COLUMN data_dictionary.kind IS 'table or view.';
COMMENT ON COLUMN data_dictionary.position IS '0 for the row describing the relation itself, then each column''s 1-based position.';
COMMENT ON COLUMN data_dictionary.column_name IS 'The column described; NULL on the relation''s own row.';
COMMENT ON COLUMN data_dictionary.data_type IS 'DuckDB type (VARCHAR, BIGINT, DOUBLE, TIMESTAMP in UTC, ...); NULL on the relation''s own row.';
COMMENT ON COLUMN data_dictionary.nullable IS 'Whether a table column may be NULL (from its NOT NULL constraints); NULL for views, which carry no constraints.';
COMMENT ON COLUMN data_dictionary.meaning IS 'What the relation or column means: its COMMENT ON in sql/.';
