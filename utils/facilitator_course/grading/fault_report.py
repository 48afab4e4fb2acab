"""The cohort's fault report: what went wrong with which submission, kept in the course folder.

nbgrader's gradebook cannot say that a notebook was not valid JSON, that its kernel crashed, that a
cell hit the time limit or that a trainee deleted a test cell; it either has no row or a quiet zero.
Every autograde run therefore records each submission's outcome in `reports/autograde.json`, which
the `report` command and the cohort dashboard read next to the gradebook. Only trainee IDs are
stored, and each entry is replaced when that submission is graded again, so the file always
describes the latest run.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .private import private_dir

REPORT_FILE = Path("reports") / "autograde.json"

# Short names of the kinds of fault, as shown in the summary table and the dashboard.
INVALID_NOTEBOOK = "invalid notebook"
EDITED_LOCKED_CELL = "edited locked cell"
DELETED_TEST_CELL = "deleted test cell"
TIMEOUT = "timeout"
KERNEL_CRASHED = "kernel crashed"
NOTEBOOK_MISSING = "notebook missing"
NBGRADER_ERROR = "nbgrader error"
UNEXPECTED_ERROR = "unexpected error"
CODE_IN_ANSWER = "code in an answer cell"
ADDED_CODE = "added code cell"
RUN_STOPPED = "run stopped"
BAD_TRANSCRIPT = "unusable capstone transcript"


def report_path(course_root: Path) -> Path:
    return Path(course_root) / REPORT_FILE


def load_report(course_root: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """{module id: {trainee id: outcome}}; empty when nothing has been graded yet."""
    path = report_path(course_root)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def record_outcomes(course_root: Path, outcomes: Iterable[Mapping[str, Any]]) -> Path:
    """Merge graded submissions' outcomes into the report (atomically: a crash leaves the old file)."""
    report = load_report(course_root)
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for outcome in outcomes:
        entry = {k: v for k, v in outcome.items() if k not in ("student_id", "assignment_id")}
        entry["recorded"] = stamp
        report.setdefault(outcome["assignment_id"], {})[outcome["student_id"]] = entry
    path = report_path(course_root)
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=".autograde-", suffix=".json", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, sort_keys=True)
        handle.write("\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path
