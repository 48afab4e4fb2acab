"""A trainer's course folder: nbgrader's layout, created from the repository's course definition.

Grading data (submissions, gradebook, feedback) is personal data, so it lives in a folder of the
trainer's choosing outside the repository. That folder gets a small nbgrader_config.py which loads
the repository's shared settings, so `nbgrader` commands run inside it behave exactly like the
course's own commands.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from ..build import IGNORED
from ..course import Course
from ..nbgrader_setup import course_config, make_api, quiet_nbgrader
from .backup import backup_gradebook
from .gradebook_guard import record_gradebook, verify_gradebook
from .private import owner_only, protect_course_folder

COURSE_DIR_ENV = "FACILITATOR_COURSE_DIR"
CONFIG_FILE = "nbgrader_config.py"

CONFIG_TEMPLATE = """\
# Created by facilitator-course. Loads the course's shared nbgrader settings from the repository
# and points nbgrader at this folder. Safe to edit (for example to set c.Exchange.root).
c = get_config()  # noqa: F821
load_subconfig({repo_config!r})  # noqa: F821
c.CourseDirectory.root = {root!r}
"""


class CourseDirError(RuntimeError):
    """The course folder could not be prepared; the message says why."""


def write_config(course: Course, root: Path) -> Path:
    path = root / CONFIG_FILE
    if not path.exists():
        path.write_text(
            CONFIG_TEMPLATE.format(
                repo_config=str(course.root / "course" / "nbgrader_config.py"), root=str(root)
            ),
            encoding="utf-8",
        )
    return path


def folder_config(course: Course, root: Path, exchange: Path | None = None) -> Config:
    """The repository's shared settings with the folder's own nbgrader_config.py merged on top.

    Merging (rather than relying on the folder file's `load_subconfig`) means a trainer's edits
    there (an exchange root, a longer timeout) win, and a folder whose `load_subconfig` path went
    stale because the repository moved still gets the course settings instead of nbgrader's
    defaults, which traitlets would substitute without a word.
    """
    config = course_config(course.root, root)
    if (root / CONFIG_FILE).is_file():
        config.merge(PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config())
    config.CourseDirectory.root = str(root)
    if exchange is not None:
        config.Exchange.root = str(Path(exchange).expanduser().resolve())
    return config


def prepare_course_dir(
    course: Course,
    root: Path,
    module_ids: list[str] | None = None,
    exchange: Path | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> Config:
    """Create (or refresh) a course folder with every module's source and its gradebook entries.

    Refuses a folder inside the repository, so grading data can never be committed by accident.
    """
    root = root.expanduser().resolve()
    repo = course.root.resolve()
    if root == repo or repo in root.parents:
        raise CourseDirError(
            f"{root} is inside the course repository. Grading data holds personal "
            "data: choose a folder outside the repository."
        )
    unknown = [m for m in module_ids or [] if m not in {mod.id for mod in course.modules}]
    if unknown:
        raise CourseDirError(
            f"Not a module of this course: {', '.join(unknown)} "
            f"(course/course.yml lists {', '.join(m.id for m in course.modules)})."
        )
    with owner_only():
        root.mkdir(parents=True, exist_ok=True)
        write_config(course, root)
        config = folder_config(course, root, exchange)
        verify_gradebook(root)
        backup_gradebook(root, "before-release")
        _generate(course, root, config, module_ids, on_progress)
        protect_course_folder(root)
        record_gradebook(root, "release")
    return config


def _generate(
    course: Course,
    root: Path,
    config: Config,
    module_ids: list[str] | None,
    on_progress: Callable[[str], None] | None,
) -> None:
    """nbgrader's generate_assignment for each chosen module, from a fresh copy of solutions/."""
    quiet_nbgrader()
    api = make_api(config)
    for module in course.modules:
        if module_ids and module.id not in module_ids:
            continue
        target = root / "source" / module.id
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(course.solutions_dir / module.id, target, ignore=IGNORED)
        outcome = api.generate_assignment(module.id, force=True, create=True)
        if not outcome.get("success"):
            raise CourseDirError(
                f"nbgrader could not prepare {module.id}: "
                f"{outcome.get('error') or outcome.get('log')}"
            )
        if on_progress:
            on_progress(module.id)


def resolve_course_dir(value: str | os.PathLike[str] | None = None) -> Path:
    """The trainer's course folder: the --course-dir value, else $FACILITATOR_COURSE_DIR.

    There is deliberately no default: a folder picked silently (the working directory, the
    repository) is how personal data ends up in the wrong place.
    """
    chosen = value if value not in (None, "") else os.environ.get(COURSE_DIR_ENV, "")
    if not chosen:
        raise CourseDirError(
            "No course folder given. Pass --course-dir DIR or set the environment variable "
            f"{COURSE_DIR_ENV}; choose a folder outside the course repository, because it will "
            "hold trainees' submissions and grades."
        )
    return Path(chosen).expanduser().resolve()


def released_modules(course_root: Path) -> list[str]:
    """Module ids that have been prepared in this course folder (nbgrader's release/ step)."""
    release = Path(course_root) / "release"
    if not release.is_dir():
        return []
    return sorted(p.name for p in release.iterdir() if p.is_dir())


def open_course_dir(course: Course, root: Path, exchange: Path | None = None) -> Config:
    """The nbgrader config of an existing course folder, without regenerating anything."""
    root = Path(root).expanduser().resolve()
    if not (root / CONFIG_FILE).is_file() or not (root / "source").is_dir():
        raise CourseDirError(
            f"{root} is not a prepared course folder. Create it with "
            f"`facilitator-course release --course-dir {root}` first."
        )
    return folder_config(course, root, exchange)


def require_released(course_root: Path, module_ids: list[str]) -> None:
    """Fail early, with the command that fixes it, when a module was never prepared here."""
    missing = [m for m in module_ids if m not in released_modules(course_root)]
    if missing:
        raise CourseDirError(
            f"Not prepared in {course_root} yet: {', '.join(missing)}. Run "
            f"`facilitator-course release {' '.join(missing)} --course-dir {course_root}`."
        )
