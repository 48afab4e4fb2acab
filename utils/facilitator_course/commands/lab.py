"""`facilitator-course lab`: open the learner notebooks in JupyterLab for hands-on work.

The Lab a learner gets leaves out nbgrader's instructor tools and Jupyter's news pop-up, for
this launch only (see learner_lab); the terminal leaves out Jupyter's harmless warnings (see
launcher).
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8888, help="port to serve on (default 8888)")


def run(args: argparse.Namespace) -> int:
    from ..course import load_course
    from ..launcher import run_server
    from ..learner_lab import learner_lab_environment, server_options
    from ..paths import CourseNotFound
    from ..web import lab_command

    try:
        course = load_course()
    except CourseNotFound as exc:
        print(f"Could not open the course: {exc}", file=sys.stderr)
        return 1
    with learner_lab_environment() as env:
        return run_server(lab_command(course.modules_dir, args.port) + server_options(), env=env)
