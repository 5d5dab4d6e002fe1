"""The engagement_report asset: the HTML page of warehouse/report, drawn after the warehouse is
published (its own step, so drawing never delays the publish) and only when the published build
differs from the one the current report was drawn for."""

import time

import dagster as dg

from assets.defs.resources import CorpusStorage
from warehouse.build import published_fingerprint
from warehouse.report import draw_if_changed
from warehouse.sql_files import VIEWS

REPORT_GROUP = "engagement"


@dg.asset(
    group_name=REPORT_GROUP,
    deps=[dg.AssetKey(view) for view in VIEWS],
    kinds={"python", "html"},
    owners=["team:data-engineering"],
)
def engagement_report(
    context: dg.AssetExecutionContext, storage: CorpusStorage
) -> dg.MaterializeResult:
    """A self-contained HTML page (works offline): articles and comments over time, capture and
    comment distributions, the most-discussed articles, the most active commenters, speakers and
    outlets, a section per site and the ingest summary. Not redrawn when the refresh published
    the same build (same fingerprint) as the one it was drawn for."""
    warehouse = storage.warehouse_path
    fingerprint = published_fingerprint(storage.staging, warehouse)
    started = time.perf_counter()
    path, drawn = draw_if_changed(warehouse, fingerprint)
    seconds = time.perf_counter() - started
    if drawn:
        context.log.info(f"engagement report drawn in {seconds:.1f} s: {path}")
    else:
        context.log.info(f"engagement report unchanged (same build as before): {path}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(path)),
            "bytes": path.stat().st_size,
            "redrawn": drawn,
            "seconds": round(seconds, 3),
            "warehouse_fingerprint": fingerprint or "",
        }
    )
