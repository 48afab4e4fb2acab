"""JupyterLab as a learner opens it: no instructor tools and no news pop-up.

nbgrader is installed with the course (trainers grade with it), and it adds its instructor tools
to every JupyterLab: the Formgrader, "Create Assignment", "Validate" and the assignment and
course lists, in menus and on every notebook toolbar. A volunteer doing the course meets buttons
that are not for them and a grading interface they might take for their own; JupyterLab also asks
whether to fetch Jupyter's news from the internet. `facilitator-course lab` switches these off for
that launch only:

- nbgrader's server extensions through the command line (`--ServerApp.jpserver_extensions`),
  so its pages and APIs do not exist in the learner's server;
- nbgrader's JupyterLab extension and the news plugin through a page configuration
  (`labconfig/page_config.json`, `disabledExtensions`) in a temporary folder that only this
  launch reads (`JUPYTER_CONFIG_PATH`, searched before the installed configuration).

Nothing installed or configured is changed, so a trainer's `jupyter lab`, a hub and
`nbgrader formgrader` keep every tool.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

# nbgrader's server extensions (its jupyter_server_config.d/nbgrader.json enables all four)
INSTRUCTOR_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
)
# JupyterLab extensions and plugins a learner's Lab leaves out: nbgrader's whole package, and the
# plugin that asks to fetch Jupyter news (and shows it) in a pop-up.
HIDDEN_LAB_EXTENSIONS = (
    "@jupyter/nbgrader",
    "@jupyterlab/apputils-extension:announcements",
)


def server_options() -> list[str]:
    """Command-line options that keep nbgrader's server extensions out of this launch."""
    return [
        f"--ServerApp.jpserver_extensions={name}=False" for name in INSTRUCTOR_SERVER_EXTENSIONS
    ]


def page_config() -> dict[str, object]:
    """What goes into labconfig/page_config.json (the form `jupyter labextension disable`
    writes: a name mapped to true)."""
    return {"disabledExtensions": {name: True for name in HIDDEN_LAB_EXTENSIONS}}


def write_config_dir(folder: Path) -> Path:
    """Write the learner's Lab configuration into `folder`; returns the folder."""
    labconfig = folder / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    (labconfig / "page_config.json").write_text(json.dumps(page_config(), indent=2))
    return folder


def environment(config_dir: Path, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for the Lab process: `config_dir` searched first for configuration."""
    env = dict(os.environ if base is None else base)
    earlier = env.get("JUPYTER_CONFIG_PATH")
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, [str(config_dir), earlier]))
    return env


@contextlib.contextmanager
def learner_lab_environment() -> Iterator[dict[str, str]]:
    """The environment for one learner's Lab launch; its configuration folder is removed after."""
    with tempfile.TemporaryDirectory(prefix="facilitator-course-lab-") as folder:
        yield environment(write_config_dir(Path(folder)))
