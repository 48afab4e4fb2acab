"""`facilitator-course report`: the cohort dashboard's figures as text tables (and CSV)."""

from __future__ import annotations

import argparse

DESCRIPTION = """\
Prints the cohort's figures from the course folder, the same ones the dashboard
(course/dashboard.ipynb) shows: score per trainee per module and per competency, completion and
late submissions, the fault report, the items most often wrong, each trainee's MI profile and
certification status with the reason for every "not yet". First, the welfare check: answers
that mention suicide, self-harm or distress (IDs and item only, never the text; not exported).
--csv writes every table as CSV
(trainee IDs only) to a folder outside the repository (default: the course folder's exports/).
--trainee ID prints one trainee's whole record instead: every item with its question, the
answer, the score and how it was reached, overrides, comments, days late and certification
reasons (--html FILE also writes it as a page).
"""

SECTIONS = (
    "welfare",
    "scores",
    "competencies",
    "completion",
    "faults",
    "items",
    "mi",
    "certification",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..grading.command_support import add_course_dir

    parser.description = DESCRIPTION
    add_course_dir(parser)
    parser.add_argument(
        "--section",
        action="append",
        choices=SECTIONS,
        default=[],
        help="print only this part (repeatable; default: all)",
    )
    parser.add_argument(
        "--csv",
        nargs="?",
        const="",
        metavar="DIR",
        help="also write every table as CSV (default DIR: the course folder's exports/)",
    )
    parser.add_argument(
        "--trainee",
        metavar="ID",
        help="print this trainee's whole record instead of the cohort tables",
    )
    parser.add_argument(
        "--html",
        metavar="FILE",
        help="with --trainee: also write the record as an HTML page (outside the repository)",
    )
    parser.add_argument(
        "--lms",
        choices=("moodle", "canvas"),
        help="also write exports/<lms>-grades.csv in the layout that LMS's gradebook import reads",
    )
    parser.add_argument(
        "--roster",
        metavar="CSV",
        help="with --lms: identify trainees by the LMS user ID in the roster's third column "
        "(`name, trainee ID, LMS user ID`) instead of the trainee ID",
    )
    parser.add_argument(
        "--excel",
        action="store_true",
        help="also write exports/cohort.xlsx (only if openpyxl is installed)",
    )


def run(args: argparse.Namespace) -> int:
    from ..grading.command_support import report_errors

    return report_errors(_report)(args)


def _percent(value: object) -> str:
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{float(value):.0%}"  # type: ignore[arg-type]


def _number(value: object, fmt: str) -> str:
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        return format(float(value), fmt)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)


def render(report, sections: tuple[str, ...] | list[str] = SECTIONS) -> str:
    """The chosen sections of a CohortReport as plain text."""
    from ..grading.mi_profile import METRICS
    from ..grading.text_table import format_table

    data = report.data
    out: list[str] = []

    def section(title: str, body: str) -> None:
        out.append(f"{title}\n{'=' * len(title)}\n{body}\n")

    if not data.trainees:
        return "No submissions in this course folder yet: run `collect` and `autograde` first.\n"
    if "welfare" in sections:
        section("Welfare check", _welfare(report))
    if "scores" in sections:
        table = report.module_scores
        subs = data.submissions.set_index(["trainee", "module"])
        rows = []
        for trainee in table.index:
            cells = [trainee]
            for module_id in table.columns:
                row = subs.loc[(trainee, module_id)]
                text = _percent(table.loc[trainee, module_id]) or {
                    "not handed in": "-",
                    "handed in, not graded yet": "to grade",
                }.get(row["status"], "not graded")
                if row["needs_manual_grade"] and row["score"] is not None:
                    text += " (to mark)"
                if row["late"]:
                    text += " late"
                cells.append(text)
            rows.append(cells)
        section("Scores by module", format_table(["trainee", *table.columns], rows, wrap=24))
    if "competencies" in sections:
        table = report.competency_scores
        rows = [[t] + [_percent(table.loc[t, c]) for c in table.columns] for t in table.index]
        section("Scores by competency", format_table(["trainee", *table.columns], rows))
    if "completion" in sections:
        table = report.completion
        rows = [
            [t, r.handed_in, r.graded, r.late, r.awaiting_manual_grade]
            for t, r in zip(table.index, table.itertuples(), strict=True)
        ]
        headers = ["trainee", "handed in", "graded", "late", "waiting for a manual grade"]
        from ..grading.late_policy import late_policy

        policy = late_policy(data.course.root).describe()
        section("Completion", policy + "\n" + format_table(headers, rows, wrap=40))
    if "faults" in sections:
        table = report.faults
        body = (
            "No faults in the latest autograde runs."
            if table.empty
            else format_table(
                ["trainee", "module", "status", "faults", "details"],
                table[["trainee", "module", "status", "faults", "details"]].values.tolist(),
                wrap=60,
            )
        )
        section("Fault report", body)
    if "items" in sections:
        table = report.items[report.items["graded"] > 0]
        rows = [
            [
                r.module,
                r.item + (" (safety)" if r.safety else ""),
                r.kind,
                r.graded,
                _percent(r.full_marks),
                r.common_wrong_answers,
            ]
            for r in table.itertuples()
        ]
        headers = ["module", "item", "kind", "graded", "full marks", "common wrong answers"]
        body = format_table(headers, rows, wrap=50) if rows else "No graded items yet."
        section("Items, hardest first", body)
    if "mi" in sections:
        if report.coded.unavailable:
            section("MI profiles", f"Not available: {report.coded.unavailable}.")
        else:
            table = report.mi_profiles
            rows = []
            for trainee in table.index:
                values = [int(table.loc[trainee, "replies"] or 0)]
                for attribute, label in METRICS:
                    fmt = ".1f" if attribute == "reflection_to_question" else ".0f"
                    values.append(_number(table.loc[trainee, label], fmt))
                level = table.loc[trainee, "level"]
                values.append(level if isinstance(level, str) else "no replies yet")
                rows.append([trainee, *values])
            headers = ["trainee", "replies", *(label for _, label in METRICS), "level"]
            section("MI profiles (role-play replies)", format_table(headers, rows))
    if "certification" in sections:
        table = report.certification
        rows = [
            [t, table.loc[t, "status"], "\n".join(table.loc[t, "reasons"]) or "all criteria met"]
            for t in table.index
        ]
        section("Certification", format_table(["trainee", "status", "reasons"], rows, wrap=90))
    return "\n".join(out)


def _welfare(report) -> str:
    from ..grading.text_table import format_table
    from ..grading.welfare import resources_text

    alerts = report.welfare_alerts
    expected = len(report.welfare) - len(alerts)
    lines = []
    if alerts.empty:
        lines.append("No answer mentions distress in the trainee's own words or out of context.")
    else:
        lines.append(
            f"⚠ {len(alerts)} answer(s) mention suicide, self-harm or distress. Read each one "
            "(`facilitator-course grade --welfare`) and follow up with the trainee "
            f"privately. Crisis resources: {resources_text()}."
        )
        rows = alerts[["trainee", "module", "item"]].values.tolist()
        lines.append(format_table(["trainee", "module", "item"], rows))
    if expected:
        lines.append(
            f"{expected} answer(s) to crisis-handling questions mention suicide, as expected."
        )
    return "\n".join(lines)


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..grading.cohort_report import build_report, excel_available, export_csv, export_excel
    from ..grading.command_support import open_folder
    from ..grading.progress_line import ProgressLine

    course, config = open_folder(args)
    root = Path(config.CourseDirectory.root)
    progress = ProgressLine(1, "report")
    report = build_report(course, root)
    progress.step("read the gradebook, fault report and answers")
    progress.finish()
    if args.trainee:
        return _trainee(report, args.trainee, args.html)
    print(render(report, tuple(args.section) or SECTIONS))
    if args.csv is not None:
        written = export_csv(report, Path(args.csv) if args.csv else None)
        print(f"Wrote {len(written)} CSV file(s) to {written[0].parent} (trainee IDs only).")
    if args.lms:
        from ..grading.command_support import outside_repository
        from ..grading.lms_export import export_lms_csv, load_lms_ids

        ids = None
        if args.roster:
            ids = load_lms_ids(outside_repository(course, args.roster, "the roster"))
        folder = Path(args.csv) if args.csv else None
        target = export_lms_csv(
            report, args.lms, folder / f"{args.lms}-grades.csv" if folder else None, ids
        )
        print(f"Wrote {target} for {args.lms.capitalize()}'s gradebook import.")
    if args.excel:
        if not excel_available():
            print("Excel export skipped: openpyxl is not installed (CSV works without it).")
        else:
            print(f"Wrote {export_excel(report)}.")
    return 0


def _trainee(report, trainee: str, html_path: str | None) -> int:
    import sys
    from pathlib import Path

    from ..grading.trainee_record import (
        UnknownTrainee,
        record_text,
        trainee_record,
        write_record_page,
    )

    try:
        record = trainee_record(report, trainee)
    except UnknownTrainee as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(record_text(record))
    if html_path:
        print(f"Wrote {write_record_page(report, record, Path(html_path))}.")
    return 0
