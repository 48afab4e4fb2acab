"""`facilitator-course start`: open the course as a Voilà web app (no code visible)."""

from __future__ import annotations

import argparse
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
    from ..launcher import HOST, port_in_use, port_taken_message, run_server
    from ..paths import CourseNotFound
    from ..web import MAX_PAGES, home_url, voila_command

    max_pages = MAX_PAGES if args.max_pages is None else args.max_pages
    if max_pages < 0:
        print("--max-pages should be 0 (no limit) or more.", file=sys.stderr)
        return 2

    if not 0 < args.port < 65536:
        print(f"--port should be between 1 and 65535, not {args.port}.", file=sys.stderr)
        return 2
    try:
        course = load_course()
        if args.rebuild or not (course.modules_dir / "home.ipynb").is_file():
            print("Building the learner notebooks…", flush=True)
            build(course)
    except (BuildError, CourseNotFound) as exc:
        print(f"Could not start the course: {exc}", file=sys.stderr)
        return 1
    # Checked first, and Voilà told never to move to another port: the address printed below
    # is the one that answers (see launcher).
    if port_in_use(args.port):
        print(
            port_taken_message(args.port, home_url(args.port), "facilitator-course start"),
            file=sys.stderr,
        )
        return 1
    print(
        f"\nThe course is starting. Open this address in your browser:\n\n    "
        f"{home_url(args.port)}\n\nPress Ctrl+C to stop.\n",
        flush=True,
    )
    # The server's root (the file list) answers without starting a page's kernel.
    code = run_server(
        voila_command(
            course.modules_dir, args.port, max_pages=max_pages, extra=["--Voila.port_retries=0"]
        ),
        ready=(f"http://{HOST}:{args.port}/", "The course is ready: open (or reload) the address."),
    )
    if code not in (0, None):
        print(
            f"The course server stopped (exit status {code}); the messages above say why.",
            file=sys.stderr,
        )
    return code
