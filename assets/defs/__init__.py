"""The defs folder `dg` loads (see [tool.dg] in pyproject.toml): one small module per kind of
definition. Every module here is picked up without being listed anywhere."""
