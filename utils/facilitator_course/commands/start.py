"""`facilitator-course start`: open the course as a Voilà web app (no code visible)."""

from __future__ import annotations

import argparse
import subprocess
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8866, help="port to serve on (default 8866)")
    parser.add_argument(
        "--rebuild", action="store_true", help="regenerate modules/ from solutions/ first"
    )
    parser.add_argument(
        "--max-pages",
        type=int,
        default=None,
        metavar="N",
        help="most course pages open at once, about 60 MB each (default 25; 0 = no limit)",
    )


def run(args: argparse.Namespace) -> int:
    from ..build import BuildError, build
    from ..course import load_course
    from ..paths import CourseNotFound
    from ..web import MAX_PAGES, home_url, voila_command

    max_pages = MAX_PAGES if args.max_pages is None else args.max_pages
    if max_pages < 0:
        print("--max-pages should be 0 (no limit) or more.", file=sys.stderr)
        return 2

    try:
        course = load_course()
        if args.rebuild or not (course.modules_dir / "home.ipynb").is_file():
            print("Building the learner notebooks…", flush=True)
            build(course)
    except (BuildError, CourseNotFound) as exc:
        print(f"Could not start the course: {exc}", file=sys.stderr)
        return 1
    print(
        f"\nThe course is starting. Open this address in your browser:\n\n    "
        f"{home_url(args.port)}\n\nPress Ctrl+C to stop.\n",
        flush=True,
    )
    try:
        return subprocess.call(voila_command(course.modules_dir, args.port, max_pages=max_pages))
    except KeyboardInterrupt:
        return 0
