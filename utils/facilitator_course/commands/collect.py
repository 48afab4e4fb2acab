"""`facilitator-course collect`: bring submissions into the course folder (exchange or LMS export)."""

from __future__ import annotations

import argparse

DESCRIPTION = """\
Copies trainees' submissions into the course folder's submitted/ (nbgrader's layout, with
timestamp.txt). From nbgrader's exchange (--exchange), or from a folder or zip exported by an LMS
or gathered from email (--from): <trainee>/<module>/<notebook>.ipynb, <trainee>/<notebook>.ipynb
or <trainee>_<notebook>.ipynb. A newer copy replaces the collected one only after the earlier
copy is moved to archive/; nothing is ever overwritten silently.
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


def run(args: argparse.Namespace) -> int:
    from ..grading.command_support import report_errors

    return report_errors(_collect)(args)


def _collect(args: argparse.Namespace) -> int:
    from ..grading.collect import REFUSED, CollectError, collect_from_exchange, collect_from_path
    from ..grading.command_support import chosen_modules, exchange_arg, open_folder
    from ..grading.progress_line import ProgressLine
    from ..grading.text_table import format_table

    course, config = open_folder(args, exchange_arg(args.exchange))
    if args.source:
        if len(args.modules) > 1:
            raise CollectError("An export is collected for one module at a time.")
        chosen_modules(course, args.modules)
        module_id = args.modules[0] if args.modules else None
        results = collect_from_path(config, args.source, module_id)
    else:
        modules = chosen_modules(course, args.modules)
        progress = ProgressLine(len(modules), "collect")
        results = []
        for module_id in modules:
            found = collect_from_exchange(config, [module_id])
            results += found
            progress.step(f"{module_id}: {len(found)} submission(s)")
        progress.finish()
    if not results:
        print("Nothing to collect.")
        return 0
    rows = [[r.trainee, r.module_id, r.outcome, r.detail] for r in results]
    print(format_table(("trainee", "module", "outcome", "details"), rows))
    refused = sum(r.outcome == REFUSED for r in results)
    print(f"\n{len(results) - refused} submission(s) handled, {refused} refused.")
    return 0
