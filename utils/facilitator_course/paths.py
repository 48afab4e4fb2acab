"""Where the course's folders are.

Commands run from a clone of the repository (the usual case), from any folder below it, or with
FACILITATOR_COURSE_ROOT pointing at a clone. Looking upwards from the working directory first means
a trainer's checkout in another place wins over the copy the package was installed from.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path


class CourseNotFound(RuntimeError):
    """Raised when no course repository (course/course.yml next to solutions/) can be found."""


def _is_course_root(path: Path) -> bool:
    return (path / "course" / "course.yml").is_file() and (path / "solutions").is_dir()


def repo_root(start: Path | None = None) -> Path:
    env = os.environ.get("FACILITATOR_COURSE_ROOT")
    if env:
        root = Path(env).expanduser().resolve()
        if not _is_course_root(root):
            raise CourseNotFound(
                f"FACILITATOR_COURSE_ROOT={env} does not contain course/course.yml"
            )
        return root
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if _is_course_root(candidate):
            return candidate
    installed_from = Path(__file__).resolve().parents[2]
    if _is_course_root(installed_from):
        return installed_from
    raise CourseNotFound(
        "Could not find the course folder (course/course.yml). Run this command inside your clone "
        "of the course repository, or set FACILITATOR_COURSE_ROOT."
    )


def data_dir() -> Path:
    """Package data shipped with the code: scenarios, quiz items, labelled examples."""
    return Path(__file__).resolve().parent / "data"


def user_data_dir() -> Path:
    """A learner's own files (progress, drafts). Never inside the repository, never uploaded."""
    env = os.environ.get("FACILITATOR_COURSE_HOME")
    if env:
        return Path(env).expanduser()
    return platform_data_dir(sys.platform, os.environ, Path.home()) / "facilitator-course"


def platform_data_dir(platform: str, environ: Mapping[str, str], home: Path) -> Path:
    """Where the operating system expects an application's per-user data.

    Windows: %APPDATA% (roams with the user's profile); macOS: ~/Library/Application Support;
    elsewhere: $XDG_DATA_HOME or ~/.local/share, as the XDG base directory specification says.
    """
    if platform.startswith("win"):
        appdata = environ.get("APPDATA")
        return Path(appdata) if appdata else home / "AppData" / "Roaming"
    if platform == "darwin":
        return home / "Library" / "Application Support"
    return Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
