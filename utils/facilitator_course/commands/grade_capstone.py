"""`grade` for the capstone: show the re-judged meeting, and override one rating with a reason.

Kept apart from grade.py (written answers and item scores in nbgrader's gradebook): a capstone
rating is not a gradebook cell, it lives in the course folder's capstone-overrides.json
(grading/capstone_overrides.py), and the status that certification uses is worked out from it.
"""

from __future__ import annotations

import argparse

from ..course import Course


def _capstone_modules(course: Course, modules: list[str]) -> list[str]:
    from ..group.transcript import TRANSCRIPT_NAME

    return [m for m in modules if (course.solutions_dir / m / TRANSCRIPT_NAME).is_file()]


def show_capstones(course: Course, config, modules: list[str], trainees: list[str]) -> None:
    """With --trainee: each chosen trainee's whole capstone; without: one line per trainee."""
    from ..grading.capstone_results import capstone_for
    from ..grading.capstone_view import capstone_line, capstone_text
    from ..grading.cohort import load_cohort

    chosen = _capstone_modules(course, modules)
    if not chosen:
        return
    data = load_cohort(course, config.CourseDirectory.root)
    for module in chosen:
        if trainees:
            for trainee in trainees:
                capstone = capstone_for(data, trainee, module)
                if capstone is None:
                    print(f"{trainee} has not handed in {module}.\n")
                else:
                    print(capstone_text(capstone))
            continue
        lines = [
            capstone_line(c)
            for t in data.trainees
            if (c := capstone_for(data, t, module)) is not None
        ]
        if lines:
            print(f"Capstone {module} (--trainee ID shows one meeting in full):")
            print("\n".join(f"  {line}" for line in lines) + "\n")


def override_capstone(course: Course, config, args: argparse.Namespace, modules: list[str]) -> int:
    """Record (or clear) one capstone rating override and print the status it leads to."""
    from ..grading.capstone_overrides import (
        CapstoneOverrideError,
        check_reason,
        check_value,
        find_rating,
        write_override,
    )
    from ..grading.capstone_results import capstone_for
    from ..grading.capstone_view import STATUS_WORDS
    from ..grading.cohort import load_cohort

    if args.capstone_rating is None:
        raise CapstoneOverrideError(
            "--level, --reason and --clear go with --capstone-rating NAME (the rating to override)."
        )
    capstones = _capstone_modules(course, modules)
    if args.item is not None or len(args.modules) != 1 or not capstones or len(args.trainee) != 1:
        known = ", ".join(_capstone_modules(course, [m.id for m in course.modules]))
        raise CapstoneOverrideError(
            f"--capstone-rating needs exactly one capstone MODULE ({known}) and one --trainee "
            "(and no --item)."
        )
    module, trainee = capstones[0], args.trainee[0]
    root = config.CourseDirectory.root
    data = load_cohort(course, root)
    capstone = capstone_for(data, trainee, module)
    if capstone is None:
        raise CapstoneOverrideError(f"{trainee} has not handed in {module}.")
    rating = find_rating(args.capstone_rating, capstone.engine)
    if args.clear:
        if rating.key not in capstone.overrides and rating.key not in capstone.stale:
            raise CapstoneOverrideError(f'"{rating.label}" of {trainee} has no override to clear.')
        write_override(root, trainee, module, rating, None, None, capstone.digest)
        print(f'Cleared your override of "{rating.label}" ({trainee}, {module}).')
    else:
        if not args.level:
            levels = ", ".join(f'"{v}"' for v in rating.values)
            raise CapstoneOverrideError(
                f'--capstone-rating "{rating.label}" needs --level: one of {levels}.'
            )
        value = check_value(rating, args.level)
        reason = check_reason(args.reason)
        write_override(root, trainee, module, rating, value, reason, capstone.digest)
        print(
            f'Recorded "{rating.label}": {value} for {trainee} ({module}), '
            f"overridden by trainer: {reason}"
        )
    after = capstone_for(data, trainee, module)
    status = after.status if after else "missing"
    print(f"Capstone status now: {STATUS_WORDS.get(status, status)}.")
    return 0
