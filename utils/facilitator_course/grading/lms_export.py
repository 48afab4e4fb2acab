"""Grades in the layout Moodle's and Canvas's gradebook imports read, by trainee ID or LMS user ID.

A trainer who keeps the official record in an LMS imports one CSV per cohort instead of typing
every score. Each row is a trainee, each grade column a module (points earned, rounded to two
decimals; blank when not handed in or not graded yet), and the trainee is identified by the
course's trainee ID or, when the roster has a third column, by the LMS user ID:

* Moodle (Grades > Import > CSV file): an identifier column (`ID number`, or `User ID` from the
  roster), then one column per module. At import, "Identify user by" maps that column to the
  user field that holds it (ID number, or user ID/username), and each module column to a grade
  item (or "new grade item").
* Canvas (Grades > Import): Canvas's own export layout, `Student, ID, SIS User ID, SIS Login ID,
  Section`, then one column per module, and a `Points Possible` row. Canvas matches a row by `ID`
  (its user ID, from the roster) or by `SIS User ID` (the trainee ID); the Student column stays
  empty, as no name is ever written, and a module column it does not know becomes a new
  assignment.
"""

from __future__ import annotations

import csv
import math
import os
from pathlib import Path

from .cohort_report import CohortReport, _check_destination
from .command_support import ExportError

MOODLE = "moodle"
CANVAS = "canvas"
LMS_LAYOUTS = (MOODLE, CANVAS)
CANVAS_ID_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def load_lms_ids(path: Path) -> dict[str, str]:
    """{trainee ID: LMS user ID} from the roster's optional third column (`name, ID, LMS user`)."""
    from .collect import CollectError
    from .trainee_ids import check_trainee_id

    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CollectError(f"The roster {path} could not be read ({exc}).") from exc
    found: dict[str, str] = {}
    for row in rows:
        if len(row) < 3 or check_trainee_id(row[1].strip()) or not row[2].strip():
            continue  # a header, or a line without an LMS user ID
        found[row[1].strip()] = row[2].strip()
    if not found:
        raise ExportError(
            f"The roster {path} has no LMS user IDs: add them as a third column "
            "(`name, trainee ID, LMS user ID`), or export by trainee ID without --roster."
        )
    return found


def _points(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{round(float(value), 2):g}"  # type: ignore[arg-type]


def lms_rows(report: CohortReport, layout: str, lms_ids: dict[str, str] | None) -> list[list[str]]:
    """The CSV's rows (header first) for `layout`, trainees in ID order."""
    if layout not in LMS_LAYOUTS:
        raise ExportError(f"Unknown LMS layout '{layout}': use {' or '.join(LMS_LAYOUTS)}.")
    data = report.data
    modules = data.module_ids
    subs = data.submissions.set_index(["trainee", "module"])
    trainees = sorted(data.trainees)
    if lms_ids is not None:
        missing = [t for t in trainees if t not in lms_ids]
        if missing:
            raise ExportError(
                "No LMS user ID in the roster for " + ", ".join(missing) + ": add them, or "
                "export by trainee ID without --roster."
            )
    scores = {t: [_points(subs.loc[(t, m), "score"]) for m in modules] for t in trainees}
    if layout == MOODLE:
        header = ["User ID" if lms_ids is not None else "ID number", *modules]
        return [header] + [[(lms_ids or {}).get(t, t), *scores[t]] for t in trainees]
    maxima = []
    for module in modules:
        known = data.submissions[data.submissions["module"] == module]["max_score"].dropna()
        maxima.append(_points(known.max()) if not known.empty else "")
    rows = [[*CANVAS_ID_COLUMNS, *modules], ["Points Possible", "", "", "", "", *maxima]]
    for trainee in trainees:
        lms_id = (lms_ids or {}).get(trainee, "")
        rows.append(["", lms_id, trainee, "", "", *scores[trainee]])
    return rows


def export_lms_csv(
    report: CohortReport,
    layout: str,
    path: Path | None = None,
    lms_ids: dict[str, str] | None = None,
) -> Path:
    """Write `<course folder>/exports/<layout>-grades.csv` (or `path`), owner-readable only."""
    target = _check_destination(
        report, path or report.data.course_root / "exports" / f"{layout}-grades.csv"
    )
    rows = lms_rows(report, layout, lms_ids)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    os.chmod(target, 0o600)
    return target
