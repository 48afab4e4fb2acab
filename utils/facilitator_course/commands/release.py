"""`facilitator-course release`: prepare the course folder and hand out the learner notebooks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DESCRIPTION = """\
Creates (or refreshes) the cohort's course folder from the repository's course definition, then
optionally hands the learner notebooks out: through nbgrader's exchange (--exchange), or as a
folder with one sub-folder and, with --zip, one zip per module for email or an LMS (--to-folder).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..grading.command_support import add_course_dir, add_modules

    parser.description = DESCRIPTION
    add_modules(parser, "release")
    add_course_dir(parser)
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--exchange",
        nargs="?",
        const="",
        metavar="DIR",
        help="release to nbgrader's exchange; DIR overrides the exchange root in the course "
        "folder's nbgrader_config.py (on a shared server it must exist with mode 1777)",
    )
    target.add_argument(
        "--to-folder", metavar="DIR", help="write <DIR>/<module>/ to hand out by email or an LMS"
    )
    parser.add_argument("--zip", action="store_true", help="with --to-folder: also <module>.zip")
    parser.add_argument(
        "--due",
        metavar="WHEN",
        help="due date recorded in the gradebook, e.g. '2026-12-01 18:00 UTC' "
        "(late submissions are then marked)",
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help="record a --due date that is already past (refused without it: every submission "
        "would be late)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="with --exchange: replace a module already released there",
    )


def run(args: argparse.Namespace) -> int:
    from ..grading.command_support import report_errors

    return report_errors(_release)(args)


def _release(args: argparse.Namespace) -> int:
    from nbgrader.utils import parse_utc

    from ..course import load_course
    from ..grading.command_support import chosen_modules, exchange_arg
    from ..grading.coursedir import prepare_course_dir, resolve_course_dir
    from ..grading.progress_line import ProgressLine
    from ..grading.release import release_to_exchange, release_to_folder, set_due_date

    course = load_course()
    root = resolve_course_dir(args.course_dir)
    modules = chosen_modules(course, args.modules)
    due = None
    if args.due:
        try:
            due = parse_utc(args.due)
        except (ValueError, OverflowError):
            print(f"Error: --due {args.due!r} is not a date and time.", file=sys.stderr)
            return 1
        if _is_past(due) and not (args.yes or _confirmed(due)):
            print(
                f"Error: the due date {due:%Y-%m-%d %H:%M} UTC is already past, so every "
                "submission would count as late. Check the date, or add --yes to record it "
                "anyway. Nothing was changed.",
                file=sys.stderr,
            )
            return 1
    progress = ProgressLine(len(modules), "prepare")
    config = prepare_course_dir(
        course, root, modules, exchange_arg(args.exchange), on_progress=progress.step
    )
    progress.finish(f"Course folder ready: {root}")
    if due is not None:
        set_due_date(config, modules, due)
        from ..grading.late_policy import late_policy

        print(f"Due date {due:%Y-%m-%d %H:%M} UTC recorded for {', '.join(modules)}.")
        print(late_policy(course.root).describe())
    if args.exchange is not None:
        for item in release_to_exchange(config, modules, force=args.force):
            print(f"Released {item.module_id} to the exchange: {item.where}")
    elif args.to_folder:
        for item in release_to_folder(config, modules, Path(args.to_folder), args.zip):
            print(f"Wrote {item.module_id}: {item.where} ({', '.join(item.files)})")
    return 0


def _is_past(due) -> bool:
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    if due.tzinfo is None:  # nbgrader's parse_utc gives UTC without a zone
        now = now.replace(tzinfo=None)
    return due < now


def _confirmed(due) -> bool:
    """In a terminal, ask; anywhere else (a script, a pipe) a past date is refused."""
    if not sys.stdin.isatty():
        return False
    try:
        reply = input(f"The due date {due:%Y-%m-%d %H:%M} UTC is already past. Record it? [y/N] ")
    except EOFError:
        return False
    return reply.strip().lower() in ("y", "yes")
