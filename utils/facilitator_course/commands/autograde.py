"""`facilitator-course autograde`: grade a cohort, one isolated submission at a time."""

from __future__ import annotations

import argparse
import os

DESCRIPTION = """\
Autogrades every collected submission through nbgrader, each on its own. A trainee's notebook never
runs: each answer cell is read as data (a quoted letter or sentence), and nbgrader grades the
released notebook with those answers filled in. Code in an answer cell, a notebook that is not
valid JSON, an edited locked cell or a deleted test cell is reported in the summary table and never
stops the others. With bubblewrap installed, grading kernels run in a sandbox (no network, course
folder out of sight). Submitted files are never changed; the gradebook is checked, backed up beside
the course folder first and watched during the run; re-running keeps manual grades.
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
    import sys
    from pathlib import Path

    from ..grading import fault_report as faults
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
    notes: list[str] = []
    results = autograde_submissions(
        config,
        tasks,
        on_progress=lambda i, n, r: progress.step(f"{r.assignment_id} {r.student_id}: {r.status}"),
        jobs=max(1, args.jobs),
        keep_backups=args.keep_backups,
        notes=notes,
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
    left = [(r, item) for r in results for item in r.left_for_trainer]
    if left:
        print(f"\n{len(left)} role-play repl(ies) the coder could not judge wait for you:")
        for r, item in left:
            print(f"  {r.student_id} · {r.assignment_id} · {item['item']}: {item['reason']}")
    for note in notes:
        print("\n" + note)
    lines = summary_lines(welfare_flags(results))
    if lines:
        print("\nWelfare check\n" + "\n".join(lines))
    stopped = next((r for r in results if faults.RUN_STOPPED in r.faults), None)
    if stopped is not None:
        print(f"\nError: {stopped.problems[-1]}", file=sys.stderr)
        return 1
    return 0
