"""One place that turns the course's nbgrader settings into a config for a given course folder.

nbgrader reads `nbgrader_config.py` from the working directory; our commands instead load
course/nbgrader_config.py explicitly and set the folder paths, so they work from anywhere and never
pick up a stray config from the current directory.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader


def course_config(repo: Path, course_root: Path, exchange: Path | None = None) -> Config:
    loader = PyFileConfigLoader("nbgrader_config.py", path=str(repo / "course"))
    config = loader.load_config()
    config.CourseDirectory.root = str(course_root)
    if exchange is not None:
        config.Exchange.root = str(exchange)
    return config


def quiet_nbgrader(level: int = logging.WARNING) -> None:
    """nbgrader logs every step at INFO; the course's commands print their own progress."""
    for name in ("traitlets", "nbgrader", "NbGraderAPI", "alembic", "sqlalchemy"):
        logging.getLogger(name).setLevel(level)


def _put_environment_on_path() -> None:
    """nbgrader runs the `alembic` executable by name when it opens a gradebook; without an
    activated virtual environment (e.g. `.venv/bin/facilitator-course ...`) it would not be found."""
    bin_dir = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if bin_dir not in path.split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + path


def make_api(config: Config, log_level: int = logging.WARNING):  # -> NbGraderAPI
    _put_environment_on_path()
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    coursedir = CourseDirectory(config=config)
    api = NbGraderAPI(coursedir=coursedir, config=config)
    api.log.setLevel(log_level)
    return api
