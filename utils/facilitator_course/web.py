"""How the course is served to learners: Voilà for the web app, JupyterLab for notebook work.

Both serve modules/ only. The instructor notebooks in solutions/ sit outside the served folder,
so no URL can reach them, and Voilà's defaults already refuse to hand out raw .ipynb files or run
code sent from the browser. Everything binds to 127.0.0.1: a learner's course is for them alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HOME_PATH = "voila/render/home.ipynb"


def voila_command(modules_dir: Path, port: int, *, extra: list[str] | None = None) -> list[str]:
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
        # Each page view starts a kernel; close the ones nobody is using any more.
        "--MappingKernelManager.cull_idle_timeout=900",
        "--MappingKernelManager.cull_interval=60",
        "--VoilaExecutor.timeout=120",
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
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # jupyter-server refuses to start as root without it
    return command


def home_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/{HOME_PATH}"
