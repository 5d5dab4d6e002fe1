"""Pure extraction: bytes of a raw article dump in, typed records out (no Dagster, no DuckDB)."""
