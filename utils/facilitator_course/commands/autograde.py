"""`facilitator-course autograde`: grade a cohort, one isolated submission at a time."""

from __future__ import annotations

import argparse
import os

DESCRIPTION = """\
Autogrades every collected submission through nbgrader, each on its own: a notebook that is not
valid JSON, a cell that runs past the time limit, a crashed kernel or a tampered locked cell is
reported in the summary table and never stops the others. Submitted files are never changed; the
gradebook is backed up first, and re-running keeps manual grades.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..grading.command_support import (
        add_course_dir,
        add_keep_backups,
        add_modules,
        add_trainees,
    )

    parser.description = DESCRIPTION
    add_modules(parser, "grade")
    add_course_dir(parser)
    add_trainees(parser)
    parser.add_argument(
        "--timeout",
        type=int,
        metavar="SECONDS",
        help="per-cell time limit for this run (default: Execute.timeout in the course config)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="submissions graded at once, in separate processes (default: %(default)s)",
    )
    add_keep_backups(parser)


def run(args: argparse.Namespace) -> int:
    from ..grading.command_support import report_errors

    return report_errors(_autograde)(args)


def _autograde(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..grading.autograde import (
        GRADED,
        SUMMARY_HEADERS,
        autograde_submissions,
        submitted_students,
        summary_rows,
        welfare_flags,
    )
    from ..grading.command_support import chosen_modules, open_folder
    from ..grading.coursedir import require_released
    from ..grading.fault_report import report_path
    from ..grading.progress_line import ProgressLine
    from ..grading.text_table import format_table
    from ..grading.welfare import summary_lines

    course, config = open_folder(args)
    root = Path(config.CourseDirectory.root)
    modules = chosen_modules(course, args.modules)
    if args.timeout:
        config.Execute.timeout = args.timeout
    tasks = [
        (module_id, trainee)
        for module_id in modules
        for trainee in submitted_students(root, module_id)
        if not args.trainee or trainee in args.trainee
    ]
    require_released(root, sorted({m for m, _ in tasks}))
    if not tasks:
        print("No submissions to grade: run `facilitator-course collect` first.")
        return 0
    progress = ProgressLine(len(tasks), "autograde")
    results = autograde_submissions(
        config,
        tasks,
        on_progress=lambda i, n, r: progress.step(f"{r.assignment_id} {r.student_id}: {r.status}"),
        jobs=max(1, args.jobs),
        keep_backups=args.keep_backups,
    )
    seconds = sum(r.seconds for r in results)
    progress.finish(f"Graded {len(results)} submission(s); {seconds / len(results):.1f} s each.")
    print(format_table(SUMMARY_HEADERS, summary_rows(results)))
    attention = [r for r in results if r.status != GRADED]
    manual = sum(r.needs_manual_grade for r in results)
    print(
        f"\n{len(attention)} submission(s) need attention; {manual} wait for a manual grade "
        f"(`facilitator-course grade`). Fault report: {report_path(root)}"
    )
    lines = summary_lines(welfare_flags(results))
    if lines:
        print("\nWelfare check\n" + "\n".join(lines))
    return 0
