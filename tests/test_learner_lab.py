"""`facilitator-course lab` opens a JupyterLab made for learners: no nbgrader instructor tools and
no news pop-up, while a trainer's JupyterLab on the same installation keeps every tool.

Both Labs are started for real; their page configuration, extension API and nbgrader's pages are
queried over HTTP, and what a learner sees is checked in Debian's Chromium.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import REPO, free_port, stop_process
from facilitator_course.learner_lab import HIDDEN_LAB_EXTENSIONS

pytestmark = pytest.mark.browser

NOTEBOOK = "00-orientation/01-exercise.ipynb"


class Lab:
    def __init__(self, proc: subprocess.Popen, url: str) -> None:
        self.proc = proc
        self.base, self.token = url.split("/lab?token=")

    def get(self, path: str) -> tuple[int, str]:
        sep = "&" if "?" in path else "?"
        try:
            with urllib.request.urlopen(
                f"{self.base}{path}{sep}token={self.token}", timeout=30
            ) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, ""

    def page_config(self) -> dict:
        import json

        status, html = self.get("/lab")
        assert status == 200
        data = re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', html, re.S)
        assert data, "no page config in the Lab page"
        return json.loads(data.group(1))

    def extensions(self) -> dict[str, bool]:
        import json

        status, body = self.get("/lab/api/extensions")
        assert status == 200
        return {entry["name"]: entry["enabled"] for entry in json.loads(body)}


def _isolated_env(folder: Path) -> dict[str, str]:
    """A browser that opens nothing, and Lab settings/workspaces in a temporary folder."""
    env = {**os.environ, "BROWSER": "true", "FACILITATOR_COURSE_HOME": str(folder / "learner")}
    for name, sub in (
        ("JUPYTERLAB_SETTINGS_DIR", "settings"),
        ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
    ):
        env[name] = str(folder / sub)
    env.pop("NBGRADER_EXECUTION", None)
    return env


def _start(command: list[str], folder: Path) -> Iterator[Lab]:
    folder.mkdir(parents=True, exist_ok=True)
    log_path = folder / "lab.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=_isolated_env(folder), cwd=REPO
        )
    try:
        deadline = time.monotonic() + 120
        url = None
        while url is None and time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"Lab exited early:\n{log_path.read_text()[-3000:]}")
            found = re.search(r"(http://127\.0\.0\.1:\d+/lab\?token=\w+)", log_path.read_text())
            url = found.group(1) if found else None
            time.sleep(0.3)
        assert url, f"Lab did not start:\n{log_path.read_text()[-3000:]}"
        yield Lab(proc, url)
    finally:
        stop_process(proc)


@pytest.fixture(scope="module")
def learner_lab(tmp_path_factory) -> Iterator[Lab]:
    command = [sys.executable, "-m", "facilitator_course.cli", "lab", "--port", str(free_port())]
    yield from _start(command, tmp_path_factory.mktemp("learner-lab"))


@pytest.fixture(scope="module")
def trainer_lab(tmp_path_factory, course) -> Iterator[Lab]:
    """Plain `jupyter lab` as a trainer runs it on the same installation."""
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={course.modules_dir}",
        "--ip=127.0.0.1",
        f"--port={free_port()}",
        "--no-browser",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    yield from _start(command, tmp_path_factory.mktemp("trainer-lab"))


def test_learner_lab_disables_nbgrader_and_the_news_plugin(learner_lab):
    disabled = learner_lab.page_config()["disabledExtensions"]
    for name in HIDDEN_LAB_EXTENSIONS:
        assert name in disabled
    assert learner_lab.extensions()["jupyter-nbgrader"] is False


def test_learner_lab_has_no_nbgrader_pages(learner_lab):
    assert learner_lab.get("/formgrader")[0] == 404
    assert learner_lab.get("/assignments")[0] == 404
    assert learner_lab.get("/lab")[0] == 200  # the Lab itself is there


def test_trainer_lab_keeps_every_nbgrader_tool(trainer_lab):
    disabled = trainer_lab.page_config()["disabledExtensions"]
    assert "@jupyter/nbgrader" not in disabled
    assert trainer_lab.extensions()["jupyter-nbgrader"] is True
    assert trainer_lab.get("/formgrader")[0] == 200


def _open_notebook(page, lab: Lab) -> None:
    page.goto(f"{lab.base}/lab/tree/{NOTEBOOK}?token={lab.token}")
    page.locator(".jp-Notebook").first.wait_for(state="visible", timeout=90_000)
    page.get_by_role("menuitem", name="Help").wait_for(timeout=30_000)
    page.wait_for_timeout(3000)  # late plugins (notifications, toolbars) have their turn


def test_a_learner_sees_no_instructor_tools_and_no_news_question(page, learner_lab):
    _open_notebook(page, learner_lab)
    expect(page.get_by_role("menuitem", name="Nbgrader")).to_have_count(0)
    expect(page.get_by_role("button", name="Validate")).to_have_count(0)
    expect(page.get_by_text("Jupyter news")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Create Assignment" not in body and "Formgrader" not in body


def test_a_trainer_still_sees_the_nbgrader_tools(page, trainer_lab):
    """The same checks on a trainer's Lab: they find what the learner's Lab leaves out."""
    _open_notebook(page, trainer_lab)
    expect(page.get_by_role("menuitem", name="Nbgrader")).to_have_count(1)
    expect(page.get_by_role("button", name="Validate")).to_have_count(1)
    expect(page.get_by_text("Jupyter news")).to_have_count(1)  # a fresh Lab asks
