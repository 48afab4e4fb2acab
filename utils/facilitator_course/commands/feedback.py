"""`facilitator-course feedback`: generate feedback without hidden tests, and return it."""

from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Generates each graded submission's feedback HTML through nbgrader, with hidden tests and mark
schemes removed (and every file checked for them before it is returned), then returns it: through
nbgrader's exchange (--exchange) or as <DIR>/<module>/<trainee>/<notebook>.html for email or an
LMS (--to-folder, with --zip one zip per module). A submission whose written answers still wait
for a grade gets no feedback unless --include-ungraded. The gradebook is backed up first.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..grading.command_support import (
        add_course_dir,
        add_keep_backups,
        add_modules,
        add_trainees,
    )

    parser.description = DESCRIPTION
    add_modules(parser, "generate feedback for")
    add_course_dir(parser)
    add_trainees(parser)
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--exchange",
        nargs="?",
        const="",
        metavar="DIR",
        help="return the feedback through nbgrader's exchange (DIR overrides the exchange root)",
    )
    target.add_argument(
        "--to-folder", metavar="DIR", help="copy the feedback to DIR/<module>/<trainee>/"
    )
    parser.add_argument("--zip", action="store_true", help="with --to-folder: one zip per module")
    parser.add_argument(
        "--include-ungraded",
        action="store_true",
        help="also give feedback to submissions with items still waiting for a manual grade "
        "(they show as 0)",
    )
    add_keep_backups(parser)


def run(args: argparse.Namespace) -> int:
    from ..grading.command_support import report_errors

    return report_errors(_feedback)(args)


def _feedback(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..grading.command_support import (
        chosen_modules,
        exchange_arg,
        open_folder,
        outside_repository,
    )
    from ..grading.coursedir import released_modules, require_released
    from ..grading.feedback import (
        GENERATED,
        WITHHELD,
        generate_feedback,
        return_to_exchange,
        return_to_folder,
    )
    from ..grading.progress_line import ProgressLine
    from ..grading.text_table import format_table

    course, config = open_folder(args, exchange_arg(args.exchange))
    root = Path(config.CourseDirectory.root)
    modules = chosen_modules(course, args.modules)
    if args.modules:
        require_released(root, modules)
    else:  # by default, every module released in this course folder
        modules = [m for m in modules if m in released_modules(root)]
    out_dir = outside_repository(course, args.to_folder, "feedback") if args.to_folder else None
    progress: ProgressLine | None = None

    def step(index: int, total: int, outcome) -> None:
        nonlocal progress
        if progress is None:
            progress = ProgressLine(total, "feedback")
        progress.step(f"{outcome.module_id} {outcome.trainee}: {outcome.status}")

    outcomes = generate_feedback(
        config,
        modules,
        trainees=args.trainee or None,
        include_ungraded=args.include_ungraded,
        on_progress=step,
        keep_backups=args.keep_backups,
    )
    if progress is not None:
        progress.finish()
    if not outcomes:
        print("No submissions to give feedback on: run `collect` and `autograde` first.")
        return 0
    rows = [[o.trainee, o.module_id, o.status, o.detail] for o in outcomes]
    print(format_table(("trainee", "module", "feedback", "details"), rows))
    ready = [o for o in outcomes if o.status == GENERATED]
    print(f"\n{len(ready)} of {len(outcomes)} submission(s) have feedback in {root / 'feedback'}.")
    if args.exchange is not None:
        returned = return_to_exchange(config, ready)
        print(f"Returned {len(returned)} through the exchange.")
        for outcome in ready:
            if outcome not in returned:
                print(f"  not returned: {outcome.module_id} {outcome.trainee}: {outcome.detail}")
    elif out_dir is not None:
        written = return_to_folder(ready, out_dir, make_zip=args.zip)
        print(f"Wrote {len(written)} file(s) to {out_dir}.")
    withheld = [o for o in outcomes if o.status == WITHHELD]
    if withheld:
        print(
            "Withheld (not returned, deleted): "
            + ", ".join(f"{o.module_id} {o.trainee}" for o in withheld)
            + ". Tell the course maintainers: a hidden test, mark scheme or model answer reached "
            "the feedback.",
            file=sys.stderr,
        )
        return 1
    return 0
