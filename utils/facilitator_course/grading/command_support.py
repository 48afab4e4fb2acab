"""What every trainer command shares: the course folder option, module lists and error handling.

Kept in one place so the six commands word things the same way and agree on where grading data
lives (`--course-dir`, else $FACILITATOR_COURSE_DIR, never a silent default).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily below: building `--help` must stay fast
    from traitlets.config import Config

    from ..course import Course

COURSE_DIR_ENV = "FACILITATOR_COURSE_DIR"  # the same name as coursedir.COURSE_DIR_ENV


class ExportError(RuntimeError):
    """An export was refused (a folder inside the repository, personal columns).

    Defined here rather than beside the exports so that catching it (every command does, in
    report_errors) does not load pandas and the whole report.
    """


def add_course_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--course-dir",
        metavar="DIR",
        help=f"the cohort's course folder, outside the repository (default: ${COURSE_DIR_ENV})",
    )


def add_modules(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "modules",
        nargs="*",
        metavar="MODULE",
        help=f"module ids from course/course.yml to {what} (default: all)",
    )


def add_trainees(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--trainee", action="append", default=[], metavar="ID", help="only these trainees"
    )


def add_keep_backups(parser: argparse.ArgumentParser) -> None:
    from .backup import DEFAULT_KEEP

    parser.add_argument(
        "--keep-backups",
        type=int,
        default=DEFAULT_KEEP,
        metavar="N",
        help=f"gradebook backups to keep beside the course folder (default {DEFAULT_KEEP})",
    )


def chosen_modules(course: Course, requested: list[str]) -> list[str]:
    from .coursedir import CourseDirError

    known = [m.id for m in course.modules]
    unknown = [m for m in requested if m not in known]
    if unknown:
        raise CourseDirError(
            f"Not a module of this course: {', '.join(unknown)} (modules: {', '.join(known)})."
        )
    return requested or known


def open_folder(args: argparse.Namespace, exchange: Path | None = None) -> tuple[Course, Config]:
    """The course definition and the config of an existing course folder."""
    from ..course import load_course
    from .coursedir import open_course_dir, resolve_course_dir

    course = load_course()
    root = resolve_course_dir(getattr(args, "course_dir", None))
    return course, open_course_dir(course, root, exchange)


def report_errors(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn the trainer tools' expected errors into one sentence on stderr and exit status 1."""
    from ..content import ContentError
    from ..paths import CourseNotFound
    from .collect import CollectError
    from .coursedir import CourseDirError
    from .gradebook_guard import GradebookChanged
    from .release import ReleaseError
    from .rubric import RubricError

    expected = (
        GradebookChanged,
        CourseDirError,
        CourseNotFound,
        ContentError,
        CollectError,
        ReleaseError,
        RubricError,
        ExportError,
    )

    def wrapper(args: argparse.Namespace) -> int:
        from .private import owner_only

        try:
            with owner_only():  # whatever a trainer command writes holds personal data
                return run(args)
        except expected as exc:
            print(f"Error: {exc}", file=sys.stderr)
            return 1

    wrapper.__doc__ = run.__doc__
    return wrapper


def outside_repository(course: Course, path: str | Path, what: str) -> Path:
    """Resolve a destination for grading data and refuse one inside the course repository."""
    from .coursedir import CourseDirError

    target = Path(path).expanduser().resolve()
    repo = course.root.resolve()
    if target == repo or repo in target.parents:
        raise CourseDirError(
            f"{target} is inside the course repository; {what} holds trainees' personal data, "
            "so keep it in a folder outside the repository."
        )
    return target


def exchange_arg(value: str | None) -> Path | None:
    """--exchange with no value means "the exchange root in the course folder's config"."""
    if value is None or value == "":
        return None
    return Path(value).expanduser().resolve()
