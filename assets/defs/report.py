"""The engagement_report asset: the HTML page of warehouse/report.py, rendered after every view
is published, its path in the materialisation's metadata."""

import dagster as dg

from assets.defs.resources import CorpusStorage
from warehouse.report import write_report
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
    """A self-contained HTML page (works offline) with comment volume over time, the most active
    commenters, capture ratio by article and the most-quoted speakers."""
    path = write_report(storage.warehouse_path)
    context.log.info(f"engagement report written to {path}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(path)),
            "bytes": path.stat().st_size,
            "charts": 4,
        }
    )
