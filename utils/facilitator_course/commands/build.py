"""`facilitator-course build`: regenerate modules/ from solutions/ (or, with --check, report drift)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; list differences between modules/ and a fresh build "
        "and exit 1 if there are any",
    )


def run(args: argparse.Namespace) -> int:
    from ..build import BuildError, build, drift
    from ..content import ContentError
    from ..paths import CourseNotFound

    try:
        if args.check:
            problems = drift()
            for problem in problems:
                print(problem)
            if problems:
                print("modules/ is out of date: run `facilitator-course build`.", file=sys.stderr)
                return 1
            print("modules/ matches solutions/.")
            return 0
        report = build()
    except (BuildError, ContentError, CourseNotFound) as exc:
        print(f"Build failed: {exc}", file=sys.stderr)
        return 1
    print(
        f"Built {len(report.notebooks)} learner notebooks for {len(report.modules)} module(s) "
        "into modules/."
    )
    return 0
