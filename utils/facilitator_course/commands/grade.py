"""`facilitator-course grade`: mark written answers against their mark scheme, in the terminal."""

from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Shows each answer that waits for a human grade (written answers, and autograded items left
without a score because a test cell was deleted or a kernel crashed) next to its mark scheme, and
stores the points and comment you type in nbgrader's gradebook, exactly as the Formgrader does.
--list only lists them; --item with --trainee and --score records one grade without questions.
The gradebook is backed up before the first change. --welfare shows, to read and records nothing,
every handed-in answer the welfare check flags (autograded role-play replies included).
For the capstone module (06-capstone), --trainee ID shows the meeting as the engine scored it:
status and reasons, checklist, competency levels, MI profile and every typed move with its code.
--capstone-rating NAME --level LEVEL --reason TEXT overrides one of its ratings (a checklist item,
a competency, "MI profile" or "overall result"); the status is worked out again from the ratings,
certification follows it, and a re-run of autograde keeps it. --clear gives a rating back to the
engine.
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
    parser.add_argument("--list", action="store_true", help="list what waits for a grade and stop")
    parser.add_argument(
        "--regrade",
        action="store_true",
        help="also show written answers that already have a grade",
    )
    parser.add_argument(
        "--welfare",
        action="store_true",
        help="show every answer that mentions distress, with its words, and record nothing",
    )
    parser.add_argument("--item", metavar="GRADE_ID", help="record one grade: the item's grade id")
    parser.add_argument("--score", type=float, metavar="POINTS", help="with --item: the points")
    parser.add_argument("--comment", metavar="TEXT", help="with --item: a comment for the trainee")
    parser.add_argument(
        "--capstone-rating",
        metavar="NAME",
        help='override one rating of the capstone: a checklist item ("everyone checked in"), a '
        'competency ("time management"), "MI profile" or "overall result"',
    )
    parser.add_argument(
        "--level",
        metavar="LEVEL",
        help="with --capstone-rating: done / not done (checklist), potentially harmful / not yet "
        "shown / partly / fully (competency), below fair / fair / good (MI profile), pass / not "
        "yet / blocked (overall result)",
    )
    parser.add_argument(
        "--reason",
        metavar="TEXT",
        help="with --capstone-rating: why (required); shown wherever the rating is shown",
    )
    parser.add_argument(
        "--clear",
        action="store_true",
        help="with --capstone-rating: drop your override and use the engine's rating again",
    )
    add_keep_backups(parser)


def run(args: argparse.Namespace) -> int:
    from ..grading.command_support import report_errors

    return report_errors(_grade)(args)


def _indent(text: str | None, empty: str, width: int = 96) -> str:
    """Indented under its heading; long lines wrap (a written answer is often one long line)."""
    import textwrap

    if not text or not text.strip():
        return f"    ({empty})"
    lines = []
    for line in text.strip().splitlines():
        lines += textwrap.wrap(line, width, subsequent_indent="  " if line[:1] in "-*" else "") or [
            ""
        ]
    return "\n".join("    " + line for line in lines)


def _left_note(item) -> str:
    """For a reply the coder left to the trainer: the reply and the coder's reason."""
    if not item.reason:
        return ""
    return f"{item.answer or '(no reply)'}\n  coder: {item.reason}"


def _ask(prompt: str) -> str | None:
    try:
        return input(prompt)
    except EOFError:
        return None


def _grade(args: argparse.Namespace) -> int:
    from ..grading.command_support import chosen_modules, open_folder
    from ..grading.rubric import WRITTEN, RubricError, items_to_grade, record_grade
    from ..grading.text_table import format_table
    from ..grading.welfare import (
        WelfareFlag,
        classify,
        crisis_topic_items,
        summary_lines,
        terminal_banner,
    )

    course, config = open_folder(args)
    modules = chosen_modules(course, args.modules)
    if args.welfare:
        return _show_welfare(course, config, modules, args.trainee)
    if args.capstone_rating is not None or args.level or args.reason or args.clear:
        from .grade_capstone import override_capstone

        return override_capstone(course, config, args, modules)
    if args.item is None and (args.trainee or args.modules):
        from .grade_capstone import show_capstones

        show_capstones(course, config, modules, args.trainee)
    if args.item is not None:
        if args.score is None or len(args.trainee) != 1 or len(modules) != 1:
            raise RubricError("--item needs exactly one MODULE, one --trainee and a --score.")
        maximum = record_grade(
            config,
            modules[0],
            args.trainee[0],
            args.item,
            args.score,
            args.comment,
            keep_backups=args.keep_backups,
        )
        print(f"Recorded {args.score:g}/{maximum:g} for {args.item} ({args.trainee[0]}).")
        return 0
    items = items_to_grade(
        config, course, modules, args.trainee or None, include_graded=args.regrade
    )
    if not items:
        print("Nothing waits for a manual grade.")
        return 0
    crisis_items = crisis_topic_items(course, config.CourseDirectory.root)
    levels = [classify(i.answer, (i.module_id, i.grade_id) in crisis_items) for i in items]
    flags = [
        WelfareFlag(i.trainee, i.module_id, i.grade_id, level)
        for i, level in zip(items, levels, strict=True)
        if level
    ]
    if args.list or not sys.stdin.isatty():
        rows = [
            [
                i.trainee,
                i.module_id,
                i.grade_id,
                i.kind,
                i.length_note() if i.kind == WRITTEN else "",
                f"{i.max_score:g}",
                "" if i.score is None else f"{i.score:g}",
                _left_note(i),
            ]
            for i in items
        ]
        headers = (
            "trainee",
            "module",
            "item",
            "kind",
            "length",
            "points",
            "score",
            "reply and reason",
        )
        print(format_table(headers, rows))
        welfare_lines = summary_lines(flags)
        if welfare_lines:
            print("\n" + "\n".join(welfare_lines))
        if not args.list:
            print("\nRun in a terminal to grade them one by one, or use --item/--score.")
        return 0
    backed_up = False
    done = 0
    for number, (item, level) in enumerate(zip(items, levels, strict=True), start=1):
        print(
            f"\n[{number}/{len(items)}] {item.trainee} · {item.module_id} · {item.grade_id} "
            f"({item.kind}, {item.max_score:g} points)"
        )
        if level:
            print(terminal_banner(level))
        if item.kind == WRITTEN:
            print(f"  Answer, {item.length_note()}:")
        else:
            print("  Answer:")
        print(_indent(item.answer, "no answer found"))
        if item.reason:
            print("  Why the coder left it to you:")
            print(_indent(item.reason, "no reason given"))
        print("  Mark scheme:")
        print(_indent(item.mark_scheme, "no mark scheme"))
        if item.anchor:
            print("  Anchor answer (the model answer, full marks):")
            print(_indent(" ".join(item.anchor.split()), "none"))
        if item.score is not None:
            print(f"  Current grade: {item.score:g}")
        while True:
            reply = _ask(f"  Points 0-{item.max_score:g} (Enter: skip, q: quit): ")
            if reply is None or reply.strip().lower() == "q":
                print(f"\nRecorded {done} grade(s).")
                return 0
            if not reply.strip():
                break
            try:
                score = float(reply)
            except ValueError:
                print("  Type a number.")
                continue
            comment = _ask("  Comment for the trainee (Enter: none): ")
            try:
                record_grade(
                    config,
                    item.module_id,
                    item.trainee,
                    item.grade_id,
                    score,
                    comment.strip() if comment and comment.strip() else None,
                    backup=not backed_up,
                    keep_backups=args.keep_backups,
                )
            except RubricError as exc:
                print(f"  {exc}")
                continue
            backed_up = True
            done += 1
            break
    print(f"\nRecorded {done} grade(s). Run `facilitator-course feedback` to return them.")
    return 0


def _show_welfare(course, config, modules: list[str], trainees: list[str]) -> int:
    """Print each flagged answer under its banner: the trainer reads the words, nothing is kept."""
    from ..grading.welfare import ALERT, crisis_topic_items, flagged_answers, terminal_banner

    root = config.CourseDirectory.root
    found = flagged_answers(root, modules, crisis_topic_items(course, root), trainees or None)
    alerts = [a for a in found if a.flag.level == ALERT]
    expected = len(found) - len(alerts)
    if not alerts:
        print("No handed-in answer mentions distress in the trainee's own words or out of context.")
    for number, answer in enumerate(alerts, start=1):
        flag = answer.flag
        print(f"\n[{number}/{len(alerts)}] {flag.trainee} · {flag.module} · {flag.item}")
        print(terminal_banner(flag.level))
        print("  Answer:")
        print(_indent(answer.text, "no answer found"))
    if expected:
        print(
            f"\n{expected} answer(s) to crisis-handling questions mention suicide, as expected "
            "for those questions (not shown)."
        )
    return 0
