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


def run(args: argparse.Namespace) -> int:
    from ..build import BuildError, build
    from ..course import load_course
    from ..paths import CourseNotFound
    from ..web import home_url, voila_command

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
        return subprocess.call(voila_command(course.modules_dir, args.port))
    except KeyboardInterrupt:
        return 0
