"""How the course is served to learners: Voilà for the web app, JupyterLab for notebook work.

Both serve modules/ only. The instructor notebooks in solutions/ sit outside the served folder,
so no URL can reach them, and Voilà's defaults already refuse to hand out raw .ipynb files or run
code sent from the browser. Everything binds to 127.0.0.1: a learner's course is for them alone.
Voilà runs through voila_app.CourseVoila, which also refuses any request whose Host or Origin is
not this server (DNS rebinding) and serves pages that load nothing from any other host.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HOME_PATH = "voila/render/home.ipynb"
CULL_IDLE_SECONDS = 120
CULL_INTERVAL_SECONDS = 30
# 25 pages of about 60 MB and the server: about 1.6 GB, which a small machine can spare.
MAX_PAGES = 25


def voila_command(
    modules_dir: Path, port: int, *, max_pages: int = MAX_PAGES, extra: list[str] | None = None
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "facilitator_course.voila_app",  # Voilà, refusing requests not addressed to it
        str(modules_dir),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        # Learners never see Python tracebacks; the widgets report problems in plain words.
        "--VoilaConfiguration.show_tracebacks=False",
        # Each page view starts a kernel (about 60 MB). A closed tab stops its own kernel (see
        # voila_app: the page's shutdown request now carries its _xsrf cookie); a kernel that
        # nobody is connected to any more (a crashed browser, a page fetched without one) is
        # stopped after 2 idle minutes, since no page can ever reconnect to it. A tab that is
        # still open keeps its kernel however long the learner reads (cull_connected=False).
        # tests/benchmarks/bench_voila_kernels.py measures this.
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL_SECONDS}",
        "--MappingKernelManager.cull_connected=False",
        "--MappingKernelManager.cull_busy=False",
        # beyond this many running pages a new one asks the learner to close a tab first
        f"--CourseVoila.max_kernels={max_pages}",
        "--VoilaExecutor.timeout=120",
        # The page (the lesson's text) is sent at once and its cells run afterwards, each
        # widget appearing as soon as its cell has run, instead of a spinner until every cell
        # has run and every widget is built (a lesson's first widget came 1.4-1.7x later than
        # a one-widget page's). tests/benchmarks/bench_first_widget.py measures this.
        "--VoilaConfiguration.progressive_rendering=True",
        *(extra or []),
    ]


def lab_command(modules_dir: Path, port: int) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={modules_dir}",
        "--ip=127.0.0.1",
        f"--port={port}",
        # JupyterLab offers to fetch Jupyter news and check for updates online; the course
        # makes no request off the learner's machine, so neither is offered.
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # jupyter-server refuses to start as root without it
    return command


def home_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/{HOME_PATH}"
