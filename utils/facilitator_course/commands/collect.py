"""`facilitator-course collect`: bring submissions into the course folder (exchange or LMS export)."""

from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Copies trainees' submissions into the course folder's submitted/ (nbgrader's layout, with
timestamp.txt). From nbgrader's exchange (--exchange), or from a folder or zip exported by an LMS
or gathered from email (--from): <trainee>/<module>/<notebook>.ipynb, <trainee>/<notebook>.ipynb
or <trainee>_<notebook>.ipynb. A newer copy replaces the collected one only after the earlier
copy is moved to archive/; nothing is ever overwritten silently.

Only pseudonymous trainee IDs enter the course folder. If the export names submissions after
people, give --roster FILE: a CSV you keep outside the repository, one `name or LMS user,
trainee ID` line per trainee. Without one, names that look like an email address or a person's
name (first.last, First_Last, FirstLast) are refused, and the exit status is 1 when anything was
refused.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..grading.command_support import add_course_dir, add_modules

    parser.description = DESCRIPTION
    add_modules(parser, "collect (with --from: the one module the export is for)")
    add_course_dir(parser)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--exchange",
        nargs="?",
        const="",
        metavar="DIR",
        help="collect from nbgrader's exchange (DIR overrides the configured exchange root)",
    )
    source.add_argument("--from", dest="source", metavar="PATH", help="a folder or .zip file")
    parser.add_argument(
        "--roster",
        metavar="CSV",
        help="name or LMS user -> trainee ID, one `name,ID` line each (kept outside the repository)",
    )


def run(args: argparse.Namespace) -> int:
    from ..grading.command_support import report_errors

    return report_errors(_collect)(args)


def _collect(args: argparse.Namespace) -> int:
    from ..grading.collect import (
        REFUSED,
        CollectError,
        collect_from_path,
        load_roster,
    )
    from ..grading.collect_exchange import collect_from_exchange
    from ..grading.command_support import (
        chosen_modules,
        exchange_arg,
        open_folder,
        outside_repository,
    )
    from ..grading.progress_line import ProgressLine
    from ..grading.text_table import format_table

    course, config = open_folder(args, exchange_arg(args.exchange))
    roster = None
    if args.roster:
        roster = load_roster(outside_repository(course, args.roster, "the roster"))
    if args.source:
        if len(args.modules) > 1:
            raise CollectError("An export is collected for one module at a time.")
        chosen_modules(course, args.modules)
        module_id = args.modules[0] if args.modules else None
        results = collect_from_path(config, args.source, module_id, roster)
    else:
        modules = chosen_modules(course, args.modules)
        progress = ProgressLine(len(modules), "collect")
        results = []
        for module_id in modules:
            found = collect_from_exchange(config, [module_id], roster)
            results += found
            progress.step(f"{module_id}: {len(found)} submission(s)")
        progress.finish()
    if not results:
        print("Nothing to collect.")
        return 0
    rows = [[r.trainee, r.module_id, r.outcome, r.detail] for r in results]
    print(format_table(("trainee", "module", "outcome", "details"), rows))
    refused = [r for r in results if r.outcome == REFUSED]
    print(f"\n{len(results) - len(refused)} submission(s) handled, {len(refused)} refused.")
    if refused:
        print(
            "Refused (nothing of them was stored): "
            + "; ".join(r.detail or f"'{r.trainee}'" for r in refused)
            + ". Fix the export or the roster and run `collect` again.",
            file=sys.stderr,
        )
        return 1
    return 0
