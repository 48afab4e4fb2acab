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


# Exit status of each command, shown at the end of its --help (and in the README). Every command:
# 2 for options it cannot use (argparse's own status), 130 when interrupted with Ctrl+C.
_ERROR = "1 when it stopped with an error, explained in one sentence on stderr"
EXIT_STATUS: dict[str, str] = {
    "build": f"0 when modules/ was written; {_ERROR} (a notebook that cannot be built)",
    "start": f"0 when the server stopped normally; {_ERROR} (port taken, course not found); "
    "2 for an invalid --port or --max-pages",
    "lab": f"0 when JupyterLab stopped normally; {_ERROR}",
    "check": "0 when every file checked is valid; 1 when any has a problem (each one listed)",
    "progress": f"0 on success; {_ERROR}",
    "code": "0 when every line was read (bad lines get an error record); 2 when FILE is unreadable",
    "try-replies": "0 when every line was read; 2 when FILE or the scenario is unreadable",
    "beliefs": "0 when every line was read (bad lines get an error record); 2 when FILE is "
    "unreadable",
    "release": f"0 when the course folder is ready and the modules handed out; {_ERROR} "
    "(including a --due date already past without --yes)",
    "collect": "0 when every submission was collected (or nothing was there); 1 when any was "
    "refused (each one listed with the reason; nothing of it was stored) or on an error",
    "autograde": "0 when the run finished, even if some submissions have faults (they are in "
    f"the summary and the fault report); {_ERROR} (or the run was stopped because the "
    "gradebook changed under it)",
    "grade": f"0 when the grades were recorded (or nothing waits); {_ERROR} (unknown item, "
    "score out of range, a capstone override without --reason or with an unknown rating or "
    "level)",
    "feedback": "0 when feedback was generated for every submission it could be; 1 when a file "
    f"was withheld because it still showed a hidden test or mark scheme, or {_ERROR}",
    "report": f"0 when the report was printed or exported; {_ERROR} (an unknown --trainee, an "
    "export inside the repository)",
    "restore": f"0 when the backups were listed or one restored; {_ERROR}",
}
_EVERY = " 2 for options the command cannot use; 130 when interrupted (Ctrl+C)."


def exit_status_help(command: str) -> str:
    return "Exit status: " + EXIT_STATUS.get(command, f"0 on success; {_ERROR}") + ";" + _EVERY


def _module_name(command: str) -> str:
    return "facilitator_course.commands." + command.replace("-", "_")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator-course",
        description="Tools for the facilitator training course (learners, trainers and authors).",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        sub = subparsers.add_parser(
            name, help=help_text, description=help_text, epilog=exit_status_help(name)
        )
        importlib.import_module(_module_name(name)).add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Import only the module of the command being run: argparse needs every sub-parser for
    # `--help`, but not for running one command.
    if argv and argv[0] in COMMANDS:
        module = importlib.import_module(_module_name(argv[0]))
        sub = argparse.ArgumentParser(
            prog=f"facilitator-course {argv[0]}",
            description=COMMANDS[argv[0]],
            epilog=exit_status_help(argv[0]),
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
