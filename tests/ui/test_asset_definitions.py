"""What the UI shows about each asset before anything runs: description, group, kinds, owner,
code references and the warehouse's freshness policy."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dagster as dg
import pytest

from assets.definitions import ENV_GIT_BRANCH, ENV_GIT_URL, defs, with_code_references
from assets.defs.ingest import parsed_records
from assets.defs.warehouse import warehouse_build
from tests.conftest import REPO_ROOT
from warehouse.sql_files import TABLES, VIEWS

GROUPS_AND_KINDS = {
    "raw_dump_files": ("ingest", {"python", "polars"}),
    "parsed_records": ("ingest", {"python", "polars"}),
    "articles": ("warehouse", {"duckdb"}),
    "quotes": ("warehouse", {"duckdb"}),
    "comments": ("warehouse", {"duckdb"}),
    "article_captures": ("warehouse", {"duckdb"}),
    "ingest_files": ("warehouse", {"duckdb"}),
    "ingest_errors": ("warehouse", {"duckdb"}),
    **{view: ("engagement", {"duckdb"}) for view in VIEWS},
    "engagement_report": ("engagement", {"python", "html"}),
}
WAREHOUSE_ASSETS = [*TABLES, *VIEWS]


def node(name: str) -> dg.AssetSpec:
    return defs.resolve_asset_graph().get(dg.AssetKey(name))  # type: ignore[no-any-return]


def code_references(name: str) -> list[dg.LocalFileCodeReference | dg.UrlCodeReference]:
    return list(node(name).metadata["dagster/code_references"].code_references)


def test_every_asset_is_described_grouped_kinded_and_owned() -> None:
    graph = defs.resolve_asset_graph()
    assert {k.to_user_string() for k in graph.get_all_asset_keys()} == set(GROUPS_AND_KINDS)
    for name, (group, kinds) in GROUPS_AND_KINDS.items():
        asset = node(name)
        assert asset.description and len(asset.description) > 20, name
        assert asset.group_name == group, name
        assert set(asset.kinds) == kinds, name
        assert asset.owners == ["team:data-engineering"], name


def test_python_code_references_point_at_the_function_that_computes_the_asset() -> None:
    functions = {
        "raw_dump_files": ("assets/defs/ingest.py", "raw_dump_files"),
        "parsed_records": ("assets/defs/ingest.py", "parsed_records"),
        "articles": ("assets/defs/warehouse.py", "warehouse_build"),
        "article_engagement": ("assets/defs/warehouse.py", "warehouse_build"),
    }
    for name, (module, function) in functions.items():
        (python,) = [r for r in code_references(name) if r.file_path.endswith(".py")]
        assert Path(python.file_path) == REPO_ROOT / module, name
        # The reference opens on the decorator; the first definition below it is the function.
        below = (
            Path(python.file_path)
            .read_text(encoding="utf-8")
            .splitlines()[python.line_number - 1 :]
        )
        assert below[0].startswith("@dg."), name
        assert next(line for line in below if line.startswith("def ")).startswith(
            f"def {function}("
        ), name


def test_warehouse_assets_reference_their_sql_files() -> None:
    assert [(r.label, r.line_number) for r in code_references("articles")[:2]] == [
        ("sql/tables/articles.sql", 1),
        ("sql/load/articles.sql", 1),
    ]
    assert [r.label for r in code_references("article_engagement")[:1]] == [
        "sql/views/article_engagement.sql"
    ]
    for name in WAREHOUSE_ASSETS:
        for reference in code_references(name):
            assert Path(reference.file_path).is_file(), reference


def test_code_references_become_repository_links_when_a_git_url_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ENV_GIT_URL, "https://github.com/example/corpus-warehouse/")
    monkeypatch.setenv(ENV_GIT_BRANCH, "release")
    linked = {
        key.to_user_string(): spec.metadata["dagster/code_references"].code_references
        for assets_def in with_code_references([parsed_records, warehouse_build])
        for key, spec in ((s.key, s) for s in assets_def.specs)
    }
    base = "https://github.com/example/corpus-warehouse/tree/release"
    assert [r.url for r in linked["articles"][:2]] == [
        f"{base}/sql/tables/articles.sql#L1",
        f"{base}/sql/load/articles.sql#L1",
    ]
    line = code_references("parsed_records")[0].line_number
    assert [r.url for r in linked["parsed_records"]] == [f"{base}/assets/defs/ingest.py#L{line}"]
    assert all(isinstance(r, dg.UrlCodeReference) for refs in linked.values() for r in refs)
    assert str(REPO_ROOT) not in repr(linked)


def test_warehouse_goes_stale_after_26_hours_without_a_published_refresh() -> None:
    for name in WAREHOUSE_ASSETS:
        policy = node(name).freshness_policy
        assert isinstance(policy, dg.FreshnessPolicy), name
        assert policy.fail_window.to_timedelta() == timedelta(hours=26), name
    for name in ("raw_dump_files", "parsed_records"):
        assert node(name).freshness_policy is None, name
