"""A trainer's course folder: nbgrader's layout, created from the repository's course definition.

Grading data (submissions, gradebook, feedback) is personal data, so it lives in a folder of the
trainer's choosing outside the repository. That folder gets a small nbgrader_config.py which loads
the repository's shared settings, so `nbgrader` commands run inside it behave exactly like the
course's own commands.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from traitlets.config import Config

from ..build import IGNORED
from ..course import Course
from ..nbgrader_setup import course_config, make_api, quiet_nbgrader

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
    path = root / "nbgrader_config.py"
    if not path.exists():
        path.write_text(
            CONFIG_TEMPLATE.format(
                repo_config=str(course.root / "course" / "nbgrader_config.py"), root=str(root)
            ),
            encoding="utf-8",
        )
    return path


def prepare_course_dir(
    course: Course, root: Path, module_ids: list[str] | None = None, exchange: Path | None = None
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
    root.mkdir(parents=True, exist_ok=True)
    write_config(course, root)
    config = course_config(course.root, root, exchange)
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
    return config
