"""Browser tests leave screenshots behind as artefacts; the run's summary says where."""

from __future__ import annotations

import pytest

ARTIFACTS_PROPERTY = "artifacts"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    folders = sorted(
        {
            str(value)
            for reports in terminalreporter.stats.values()
            for report in reports
            if getattr(report, "when", "call") == "call"
            for name, value in getattr(report, "user_properties", ())
            if name == ARTIFACTS_PROPERTY
        }
    )
    if folders:
        terminalreporter.write_sep("-", "browser screenshots")
        for folder in folders:
            terminalreporter.write_line(folder)
