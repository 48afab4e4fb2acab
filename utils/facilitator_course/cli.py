"""The `facilitator-course` command line.

Each sub-command lives in its own module under `facilitator_course.commands` and is imported only
when it runs, so that light commands (such as `code`, which tools call in loops) start fast and do
not pay for pandas, nbgrader or Jupyter imports they never use.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name -> one-line help. The module facilitator_course.commands.<name> provides
# `add_arguments(parser)` and `run(args) -> int`.
COMMANDS: dict[str, str] = {
    "build": "generate the learner notebooks in modules/ from the instructor notebooks in solutions/",
    "start": "open the course as a Voilà web app (builds modules/ first if it is missing)",
    "lab": "open the learner notebooks in JupyterLab",
    "check": "check role-play scenarios, meeting simulations and coding drills",
    "progress": "show, export, reset or delete your saved self-study progress",
    "code": "label facilitator responses (JSON Lines in, JSON Lines out) like a trained MI coder",
    "try-replies": "authors: test a scenario's lines on a batch of replies (JSON Lines in and out)",
    "beliefs": "find REBT belief types and their spans (JSON Lines in, JSON Lines out)",
    "release": "trainers: prepare a course folder and hand out the exercises (exchange or folder/zip)",
    "collect": "trainers: collect submissions from nbgrader's exchange or an LMS folder/zip",
    "autograde": "trainers: autograde a cohort, each submission isolated, with a fault report",
    "grade": "trainers: mark written answers against their mark scheme",
    "feedback": "trainers: generate feedback without hidden tests and return it",
    "report": "trainers: the cohort's scores, items, MI profiles and certification as tables/CSV",
    "restore": "trainers: list the gradebook's backups and restore one",
}


def _module_name(command: str) -> str:
    return "facilitator_course.commands." + command.replace("-", "_")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator-course",
        description="Tools for the facilitator training course (learners, trainers and authors).",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        importlib.import_module(_module_name(name)).add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Import only the module of the command being run: argparse needs every sub-parser for
    # `--help`, but not for running one command.
    if argv and argv[0] in COMMANDS:
        module = importlib.import_module(_module_name(argv[0]))
        sub = argparse.ArgumentParser(
            prog=f"facilitator-course {argv[0]}", description=COMMANDS[argv[0]]
        )
        module.add_arguments(sub)
        args = sub.parse_args(argv[1:])
        try:
            return int(module.run(args) or 0)
        except KeyboardInterrupt:
            print("Interrupted.", file=sys.stderr)
            return 130
    parser = build_parser()
    parser.parse_args(argv)
    parser.print_help()
    return 0 if not argv else 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
