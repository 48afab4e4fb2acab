"""`facilitator-course progress`: see, export, reset or delete your saved self-study progress.

Progress lives only on the learner's machine; these commands are how a learner stays in control
of it (take a copy, start over, or remove every trace).
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=("show", "export", "reset", "delete"),
        help="show: list what is saved; export: copy it to a file; reset: clear "
        "it; delete: remove the progress file and its backups",
    )
    parser.add_argument(
        "destination",
        nargs="?",
        default=".",
        help="for export: a file or folder (default: the current folder)",
    )
    parser.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation before reset or delete"
    )
    parser.add_argument("--file", help="use this progress file instead of the default one")


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        print("Refusing without confirmation: add --yes.", file=sys.stderr)
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except OSError as exc:  # unwritable destination, missing folder, full disk, no permission
        where = f" to {args.destination}" if args.action == "export" else ""
        print(
            f"Could not {args.action} your progress{where}: {exc.strerror or exc}. "
            "Your saved progress was not changed.",
            file=sys.stderr,
        )
        return 1


def _run(args: argparse.Namespace) -> int:
    from ..progress import ProgressStore

    store = ProgressStore(args.file)
    if args.action == "show":
        for line in store.describe():
            print(line)
        store.notices.clear()
        return 0
    if args.action == "export":
        target = store.export(args.destination)
        for notice in store.notices:
            print(notice, file=sys.stderr)
        print(f"Exported your progress to {target}")
        return 0
    if args.action == "reset":
        if not args.yes and not _confirm("Clear all saved progress and drafts?"):
            return 1
        store.reset()
        print(f"Progress cleared ({store.path}).")
        return 0
    if not args.yes and not _confirm("Delete your progress file and any backups of it?"):
        return 1
    removed = store.delete()
    if removed:
        for path in removed:
            print(f"Deleted {path}")
    else:
        print("There was no saved progress to delete.")
    return 0
