"""Shared fixtures: the course definition and helpers to make fake submissions."""

from __future__ import annotations

import io
import os
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import nbformat
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


def start_voila(notebooks: Path, folder: Path, learner_home: str | None = None, **options):
    """Start Voilà on `notebooks` exactly as `facilitator-course start` does, on a free port,
    with the learner's progress in `folder/learner` and its log in `folder`; return the process
    and the base URL once it answers. `options` go to `web.voila_command` (e.g. max_pages).

    `learner_home` replaces `folder/learner`; a relative one is read from each kernel's working
    folder, which Voilà sets to the folder of the page's notebook (see `notebook_server`)."""
    import subprocess

    from facilitator_course.web import voila_command

    port = free_port()
    log_path = folder / f"voila-{port}.log"
    home = learner_home if learner_home is not None else str(folder / "learner")
    env = {**os.environ, "FACILITATOR_COURSE_HOME": home}
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


def widget_notebook(*cells: str) -> nbformat.NotebookNode:
    """A notebook of code cells (a cell starting with "# " is Markdown), on the Python kernel."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell(cell)
        if cell.startswith("# ")
        else nbformat.v4.new_code_cell(cell)
        for cell in cells
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    return notebook


class NotebookServer:
    """One Voilà serving a folder of its own to each browser test file that needs one page.

    Starting Voilà costs seconds of both cores, so the files that each served one notebook
    (a widget alone, or a copy of a lesson or exercise) share this server, started once per
    session. Each file still gets what its own server gave it: its notebooks in a fresh folder
    (files a page saves beside its notebook land there) and a fresh learner progress folder,
    `<folder>/learner`: the server's FACILITATOR_COURSE_HOME is the relative path `learner`,
    and Voilà runs each page's kernel in the folder of its notebook.
    """

    def __init__(self, root: Path, base: str) -> None:
        self.root, self.base = root, base

    def add(
        self, name: str, notebooks: dict[str, nbformat.NotebookNode | Path]
    ) -> tuple[str, Path]:
        """Write `notebooks` ({file name: notebook, or a notebook file to copy}) into a new folder
        `name`; return the URL its pages are rendered under and the folder."""
        import shutil

        folder = self.root / name
        folder.mkdir()  # a second file using the same name would share progress: refused
        for file_name, notebook in notebooks.items():
            if isinstance(notebook, Path):
                shutil.copy(notebook, folder / file_name)
            else:
                nbformat.write(notebook, folder / file_name)
        return f"{self.base}/voila/render/{name}", folder

    def widget_page(self, name: str, *cells: str) -> str:
        """The URL of a page `name`.ipynb made of `cells` (see `widget_notebook`), in a new
        folder `name` of its own."""
        pages, _ = self.add(name, {f"{name}.ipynb": widget_notebook(*cells)})
        return f"{pages}/{name}.ipynb"


@pytest.fixture(scope="session")
def notebook_server(tmp_path_factory):
    """The shared `NotebookServer` (see there), started on first use."""
    root = tmp_path_factory.mktemp("own-notebooks")
    with served_voila(root, root, learner_home="learner") as base:
        yield NotebookServer(root, base)


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


def _built_copy(notebook: Path) -> Path | None:
    """The learner copy `facilitator-course build` makes of a source notebook, if it makes one."""
    modules = REPO / "modules"
    if notebook.is_relative_to(REPO / "solutions"):
        return modules / notebook.relative_to(REPO / "solutions")
    if notebook.parent == REPO / "course":
        return modules / notebook.name  # course/home.ipynb is copied as modules/home.ipynb
    return None


def pytest_collection_modifyitems(config, items):
    """Execute a notebook once when the build copied it unchanged (the lessons and the home page).

    nbval runs every cell of every notebook under solutions/, modules/ and course/. A lesson and
    course/home.ipynb have no answers to strip, so their learner copy in modules/ holds the same
    cells, metadata and sources: running both executed the same code twice (minutes of kernels).
    The source's cells are deselected only when its copy is collected in this same run and reads
    as an equal notebook (nbformat), so nothing stops being checked; an exercise (answers
    stripped), or a copy that drifted (tests/test_build.py fails on that too), still runs twice.
    """
    import nbformat

    by_path: dict[Path, list] = {}
    for item in items:
        if item.path.suffix == ".ipynb":
            by_path.setdefault(item.path, []).append(item)
    duplicates = []
    for path, cells in by_path.items():
        copy = _built_copy(path)
        if copy is None or copy not in by_path:
            continue
        if nbformat.read(path, as_version=4) == nbformat.read(copy, as_version=4):
            duplicates += cells
    if duplicates:
        config.hook.pytest_deselected(items=duplicates)
        dropped = set(map(id, duplicates))
        items[:] = [item for item in items if id(item) not in dropped]
