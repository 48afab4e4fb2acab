"""`facilitator-course restore`: list the gradebook's backups and put one back."""

from __future__ import annotations

import argparse

DESCRIPTION = """\
Lists the gradebook backups kept beside the course folder (newest last, with what each holds and
whether its checksum still matches), or restores one: `restore N` (or its file name), with the
capstone overrides saved with it (the overrides column: yes, none then, or ? for a backup older
than that, which leaves the overrides as they are). The current gradebook and overrides are
backed up first, so a restore can be undone. --accept-current keeps the gradebook as
it is after a change made outside facilitator-course that a command stopped on.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..grading.command_support import add_course_dir

    parser.description = DESCRIPTION
    parser.add_argument("backup", nargs="?", metavar="N", help="the backup to restore")
    add_course_dir(parser)
    parser.add_argument(
        "--accept-current",
        action="store_true",
        help="record the gradebook as it is now as the trainer's own",
    )


def run(args: argparse.Namespace) -> int:
    from ..grading.command_support import report_errors

    return report_errors(_restore)(args)


def _restore(args: argparse.Namespace) -> int:
    import sys

    from ..grading.backup import backup_dir
    from ..grading.command_support import open_folder
    from ..grading.restore import RestoreError, accept_current, describe_backups, restore_backup
    from ..grading.text_table import format_table

    _, config = open_folder(args)
    root = config.CourseDirectory.root
    try:
        if args.accept_current:
            accept_current(root)
            print("The gradebook as it is now is recorded as yours.")
            return 0
        if args.backup:
            restored = restore_backup(root, args.backup)
            print(f"Restored {restored.backup.name}.")
            if restored.replaced is not None:
                print(f"The gradebook it replaced is kept as {restored.replaced.name}.")
            if restored.overrides:
                print(restored.overrides)
            return 0
    except RestoreError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    backups = describe_backups(root)
    if not backups:
        print(f"No gradebook backups in {backup_dir(root)} yet.")
        return 0
    status = {True: "ok", False: "DAMAGED", None: "unchecked"}
    rows = [
        [
            b.number,
            b.taken,
            b.reason,
            "?" if b.submissions is None else b.submissions,
            status[b.intact],
            b.overrides,
        ]
        for b in backups
    ]
    print(format_table(("#", "taken", "when", "submissions", "checksum", "overrides"), rows))
    print(f"\nBackups are in {backup_dir(root)}. Restore one with `facilitator-course restore N`.")
    return 0
