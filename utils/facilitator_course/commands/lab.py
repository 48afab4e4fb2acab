"""`facilitator-course lab`: open the learner notebooks in JupyterLab for hands-on work."""

from __future__ import annotations

import argparse
import subprocess
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8888, help="port to serve on (default 8888)")


def run(args: argparse.Namespace) -> int:
    from ..course import load_course
    from ..paths import CourseNotFound
    from ..web import lab_command

    try:
        course = load_course()
    except CourseNotFound as exc:
        print(f"Could not open the course: {exc}", file=sys.stderr)
        return 1
    try:
        return subprocess.call(lab_command(course.modules_dir, args.port))
    except KeyboardInterrupt:
        return 0
