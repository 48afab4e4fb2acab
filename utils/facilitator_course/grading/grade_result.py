"""What one autograded submission came to, and how a run's outcomes are summarised.

A GradeResult is written to the fault report and printed in the summary table whatever happened;
the helpers here turn nbgrader's own signals (an error written into a cell stopped at the time
limit, a kernel that died) into a fault kind and a sentence a trainer can act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from traitlets.config import Config

from . import fault_report as faults
from . import welfare

GRADED = "graded"
GRADED_WITH_WARNINGS = "graded with warnings"
NOT_GRADED = "not graded"

# nbgrader's Execute.error_on_timeout names the error it writes into a cell stopped at the limit.
TIMEOUT_ERROR_NAME = "CellTimeoutError"
_KERNEL_DIED_MARKERS = ("DeadKernelError", "Kernel died")
_UNRESPONSIVE_MARKERS = ("UnresponsiveKernelError", "kernel became unresponsive")


@dataclass
class GradeResult:
    student_id: str
    assignment_id: str
    status: str
    score: float | None = None
    max_score: float | None = None
    needs_manual_grade: bool = False
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Short names of what went wrong (fault_report's constants), for the summary table.
    faults: list[str] = field(default_factory=list)
    seconds_late: float = 0.0
    # Welfare checks on the typed answers: [{"item": ..., "level": ...}], never the text.
    welfare: list[dict[str, str]] = field(default_factory=list)
    # Role-play replies the coder left to the trainer: [{"notebook", "item", "reason"}].
    left_for_trainer: list[dict[str, str]] = field(default_factory=list)


def timed_out_cells(autograded: Path) -> list[tuple[str, str]]:
    """(notebook, cell) pairs that nbgrader stopped at Execute.timeout in an autograded folder.

    nbgrader interrupts such a cell, writes a CellTimeoutError into its outputs and carries on,
    so the run "succeeds"; the outputs are the only place the timeout is recorded.
    """
    found = []
    for path in sorted(autograded.glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # a notebook nbgrader wrote but we cannot read: nothing to report
            continue
        for index, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "code":
                continue
            if any(
                o.get("output_type") == "error" and o.get("ename") == TIMEOUT_ERROR_NAME
                for o in cell.get("outputs", [])
            ):
                name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                found.append((path.name, name or f"cell {index}"))
    return found


def timeout_seconds(config: Config) -> int:
    """The per-cell time limit nbgrader applies (Execute.timeout; nbgrader's default is 30 s)."""
    return int(config.Execute.get("timeout", None) or 30)


def explain_failure(text: str, timeout: int) -> tuple[str, str]:
    """(fault kind, sentence for the trainer) for an autograde run nbgrader gave up on."""
    if any(marker in text for marker in _KERNEL_DIED_MARKERS):
        return faults.KERNEL_CRASHED, (
            "the notebook stopped its Python kernel while it ran (for example by calling "
            "os._exit() or using up the memory), so nothing was graded automatically. The "
            "submission is untouched: open it, then grade it by hand or ask for a corrected copy."
        )
    if any(marker in text for marker in _UNRESPONSIVE_MARKERS):
        return faults.TIMEOUT, (
            f"a cell ran past the {timeout} s limit and its kernel could not be interrupted, so "
            "nothing was graded automatically. Open the submission and grade it by hand."
        )
    return faults.NBGRADER_ERROR, "nbgrader could not grade this submission: " + _last_error_line(
        text
    )


def _last_error_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "error" in line]
    return (errors or lines or ["no details"])[-1][:300]


def summary_rows(results: Iterable[GradeResult]) -> list[list[object]]:
    """Rows for the cohort summary table: trainee, module, status, score, late, faults, details."""
    rows = []
    for r in results:
        score = "" if r.score is None else f"{r.score:g}/{r.max_score:g}"
        if r.needs_manual_grade and r.score is not None:
            score += " (+ manual)"
        rows.append(
            [
                r.student_id,
                r.assignment_id,
                r.status,
                score,
                "late" if r.seconds_late > 0 else "",
                ", ".join(r.faults),
                "\n".join(r.problems),
            ]
        )
    return rows


SUMMARY_HEADERS = ("trainee", "module", "status", "score", "late", "faults", "details")


def welfare_flags(results: Iterable[GradeResult]) -> list[welfare.WelfareFlag]:
    """Every welfare flag of a run, for the summary printed after grading."""
    return [
        flag
        for r in results
        for flag in welfare.flags_from_records(r.student_id, r.assignment_id, r.welfare)
    ]
