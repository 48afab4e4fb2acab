"""Shared fixtures: the course definition and helpers to make fake submissions."""

from __future__ import annotations

import io
import os
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from facilitator_course.course import Course, load_course

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def course() -> Course:
    return load_course(REPO)


@pytest.fixture(autouse=True)
def _private_learner_home(tmp_path_factory, monkeypatch):
    """Tests never touch the real user's progress files."""
    monkeypatch.setenv("FACILITATOR_COURSE_HOME", str(tmp_path_factory.mktemp("learner-home")))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("FACILITATOR_COURSE_COUNTRY", raising=False)
    yield


def grading_mode(monkeypatch, on: bool = True) -> None:
    if on:
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    else:
        monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """Run `facilitator-course` in-process: (exit status, standard output, standard error)."""
    from facilitator_course.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


class Keyboard(io.StringIO):
    """Standard input that says it is a terminal, for the interactive `grade` command."""

    def isatty(self) -> bool:
        return True


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, proc, log_path: Path, deadline_s: float = 120.0) -> None:
    """Poll until the server answers, the process dies, or the deadline passes (always bounded)."""
    import time
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(
        f"server did not answer within {deadline_s}s:\n{log_path.read_text()[-3000:]}"
    )


def stop_process(proc) -> None:
    import signal
    import subprocess

    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def start_voila(notebooks: Path, folder: Path, **options):
    """Start Voilà on `notebooks` exactly as `facilitator-course start` does, on a free port,
    with the learner's progress in `folder/learner` and its log in `folder`; return the process
    and the base URL once it answers. `options` go to `web.voila_command` (e.g. max_pages)."""
    import subprocess

    from facilitator_course.web import voila_command

    port = free_port()
    log_path = folder / f"voila-{port}.log"
    env = {**os.environ, "FACILITATOR_COURSE_HOME": str(folder / "learner")}
    env.pop("NBGRADER_EXECUTION", None)
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            voila_command(notebooks, port, **options),
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=folder,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/", proc, log_path)
    except BaseException:
        stop_process(proc)
        raise
    return proc, base


@contextmanager
def served_voila(notebooks: Path, folder: Path, **options):
    """`start_voila` for the length of a `with` block: yields the base URL, then stops it."""
    proc, base = start_voila(notebooks, folder, **options)
    try:
        yield base
    finally:
        stop_process(proc)


@pytest.fixture(scope="session")
def voila_url(course, tmp_path_factory):
    """The course served exactly as `facilitator-course start` serves it, on a free port."""
    with served_voila(course.modules_dir, tmp_path_factory.mktemp("voila")) as base:
        yield base


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Voilà sends a page before running its cells (progressive rendering, see web.voila_command):
# its script first puts a placeholder in every cell, then removes each one when that cell's
# outputs arrive (in an output wrapper). True once some output has arrived and no placeholder
# is left: every cell has run (before the script starts there are no placeholders either).
ALL_CELLS_RUN = (
    "() => !!document.querySelector('.jp-Cell-outputWrapper')"
    " && !document.querySelector('.voila-skeleton-container')"
)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser is ever downloaded)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (utils/test.sh does this)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def screenshot_dir() -> Path:
    """Screenshots for a person to look at: $FC_SCREENSHOTS, else a folder under /tmp."""
    folder = Path(os.environ.get("FC_SCREENSHOTS", "/tmp/facilitator-course-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
