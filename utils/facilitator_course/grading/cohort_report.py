"""Every cohort table in one object, built once, shared by the dashboard, `report` and exports.

Exports leave the course folder (to a spreadsheet, an LMS, a colleague), so they are built from
the same tables the trainer sees, carry trainee IDs only, and are refused inside the course
repository for the same reason the course folder is.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..course import Course
from . import fault_report
from .certification import CERTIFIED, certification
from .cohort import (
    CohortData,
    competency_scores,
    completion,
    fault_table,
    load_cohort,
    module_scores,
)
from .command_support import ExportError
from .item_analysis import item_analysis
from .mi_profile import CodedReplies, code_roleplay_answers, mi_profiles
from .welfare import ALERT, WelfareFlag, flags_from_records, is_crisis_topic, scan_answers

WELFARE_COLUMNS = ["trainee", "module", "item", "level"]

# Columns nbgrader keeps about a person; no export may ever contain them.
PERSONAL_COLUMNS = ("first_name", "last_name", "email", "lms_user_id", "name")


@dataclass
class CohortReport:
    data: CohortData
    module_scores: pd.DataFrame
    competency_scores: pd.DataFrame
    completion: pd.DataFrame
    items: pd.DataFrame
    coded: CodedReplies
    mi_profiles: pd.DataFrame
    certification: pd.DataFrame
    faults: pd.DataFrame
    # Welfare checks (trainee, module, item, level; never the text). Shown to the trainer only:
    # deliberately not in tables(), so no export carries who mentioned distress.
    welfare: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=WELFARE_COLUMNS))

    @property
    def welfare_alerts(self) -> pd.DataFrame:
        return self.welfare[self.welfare["level"] == ALERT]

    @property
    def certified(self) -> list[str]:
        return list(self.certification.index[self.certification["status"] == CERTIFIED])

    @property
    def is_demo(self) -> bool:
        from .demo import DEMO_ROOT

        return self.data.course_root == DEMO_ROOT

    def tables(self) -> dict[str, pd.DataFrame]:
        """Export-ready tables, one row per trainee (or item), trainee IDs only."""
        certification_table = self.certification.assign(
            reasons=self.certification["reasons"].map("; ".join)
        )
        submissions = self.data.submissions.assign(
            faults=self.data.submissions["faults"].map(", ".join),
            problems=self.data.submissions["problems"].map(" ".join),
        )
        return {
            "module_scores": self.module_scores,
            "competency_scores": self.competency_scores,
            "completion": self.completion,
            "submissions": submissions.set_index(["trainee", "module"]),
            "items": self.items.set_index(["module", "item"]),
            "mi_profiles": self.mi_profiles,
            "certification": certification_table,
            "faults": self.faults,
        }


def build_report(course: Course, course_root: Path) -> CohortReport:
    return report_from_data(load_cohort(course, course_root))


def report_from_data(data: CohortData) -> CohortReport:
    """Every table of the report from cohort data (a course folder's, or the demo cohort's)."""
    coded = code_roleplay_answers(data)
    profiles = mi_profiles(data, coded)
    return CohortReport(
        data=data,
        module_scores=module_scores(data),
        competency_scores=competency_scores(data),
        completion=completion(data),
        items=item_analysis(data, coded),
        coded=coded,
        mi_profiles=profiles,
        certification=certification(data, coded, profiles),
        faults=fault_table(data),
        welfare=welfare_table(data),
    )


def welfare_flags(data: CohortData) -> list[WelfareFlag]:
    """Welfare checks of every graded submission's answers (alerts first).

    Graded answers are checked again here, so the page follows the current detector and
    course.yml; a submission nbgrader could not grade keeps the flags autograde recorded from
    the submitted copy.
    """
    crisis = {
        key for key, info in data.items.items() if is_crisis_topic(info.safety, info.participant)
    }
    flags: list[WelfareFlag] = []
    scanned: set[tuple[str, str]] = set()
    answers = data.answers
    if not answers.empty:
        for (trainee, module), group in answers.groupby(["trainee", "module"], sort=True):
            scanned.add((trainee, module))
            pairs = zip(group["item"], group["answer"], strict=True)
            flags.extend(scan_answers(trainee, module, pairs, crisis))
    for module, entries in fault_report.load_report(data.course_root).items():
        for trainee, entry in entries.items():
            if (trainee, module) not in scanned and isinstance(entry, dict):
                flags.extend(flags_from_records(trainee, module, entry.get("welfare") or []))
    return sorted(flags, key=lambda f: (f.level != ALERT, f.trainee, f.module, f.item))


def welfare_table(data: CohortData) -> pd.DataFrame:
    rows = [[f.trainee, f.module, f.item, f.level] for f in welfare_flags(data)]
    return pd.DataFrame(rows, columns=WELFARE_COLUMNS)


def _check_destination(report: CohortReport, target: Path) -> Path:
    if report.is_demo:
        raise ExportError("The demo cohort is invented data; there is nothing to export.")
    target = Path(target).expanduser().resolve()
    repo = report.data.course.root.resolve()
    if target == repo or repo in target.parents:
        raise ExportError(
            f"{target} is inside the course repository; exports hold grades, so write them "
            "outside it (the default is the course folder's exports/)."
        )
    return target


def _check_columns(name: str, table: pd.DataFrame) -> None:
    names = {str(c).lower() for c in table.columns} | {str(n).lower() for n in table.index.names}
    leaked = names.intersection(PERSONAL_COLUMNS)
    if leaked:
        raise ExportError(f"Refusing to export {name}: it has personal columns {sorted(leaked)}.")


def _rounded(table: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """Numbers as a person reads them (0.667, not 0.6666666666666666); text untouched."""
    return table.round(digits)


def export_csv(report: CohortReport, out_dir: Path | None = None) -> list[Path]:
    """One CSV per table in `out_dir` (default: the course folder's exports/)."""
    folder = _check_destination(report, out_dir or report.data.course_root / "exports")
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    written = []
    for name, table in report.tables().items():
        _check_columns(name, table)
        path = folder / f"{name}.csv"
        _rounded(table).to_csv(path)
        os.chmod(path, 0o600)  # trainees' grades: readable by the trainer only
        written.append(path)
    return written


def excel_available() -> bool:
    """Excel export needs openpyxl, which the course does not install; use it only if present."""
    return importlib.util.find_spec("openpyxl") is not None


def export_excel(report: CohortReport, path: Path | None = None) -> Path | None:
    """One workbook with a sheet per table, or None when openpyxl is not installed."""
    if not excel_available():
        return None
    target = _check_destination(report, path or report.data.course_root / "exports" / "cohort.xlsx")
    target.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(target) as writer:
        for name, table in report.tables().items():
            _check_columns(name, table)
            _rounded(table).to_excel(writer, sheet_name=name[:31])
    os.chmod(target, 0o600)
    return target
