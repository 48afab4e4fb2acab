"""Grading kernels in a bubblewrap sandbox, where the machine has it: defence in depth.

No trainee code runs during grading (answer_cells rebuilds every notebook from the release), so
what a kernel executes is the course's own code with trainees' words as data. Still, on Linux with
bubblewrap (`bwrap`, Debian package `bubblewrap`) installed, each kernel is started inside a
sandbox: no network, the course folder, its backups, the home folder and the run's other
rebuilt notebooks replaced by empty folders, everything else read-only. The kernel talks to nbgrader through
Unix sockets in a private folder (ZeroMQ's ipc transport), the only thing shared with it.
Without bubblewrap (macOS, Windows, a Linux without it) grading runs as before.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from traitlets.config import Config

from .backup import backup_dir

KERNEL_NAME = "facilitator-grading-sandbox"
_BASE = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
_ISOLATE = ["--unshare-net", "--unshare-ipc", "--die-with-parent", "--new-session"]


@functools.cache
def bwrap() -> str | None:
    """The bubblewrap executable, if present and able to make a sandbox on this machine."""
    found = shutil.which("bwrap")
    if not found or not sys.platform.startswith("linux"):
        return None
    try:
        probe = subprocess.run(
            [found, *_BASE, *_ISOLATE, "true"], capture_output=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return found if probe.returncode == 0 else None


def _code_paths() -> list[str]:
    """Folders the kernel needs to import the course's code (the environment, the package)."""
    import facilitator_course

    paths = {sys.prefix, sys.base_prefix, str(Path(facilitator_course.__file__).parents[1])}
    paths.update(p for p in sys.path if p and Path(p).is_dir())
    return sorted(paths)


def kernel_argv(tool: str, course_root: Path, work: Path, shared: Path) -> list[str]:
    """The command that starts one grading kernel inside the sandbox.

    /tmp stays visible (read-only): Jupyter writes the kernel's connection file there.
    """
    hidden = [Path.home(), Path(course_root), backup_dir(course_root), work]
    argv = [tool, *_BASE]
    for folder in hidden:
        if folder.is_dir():
            argv += ["--tmpfs", str(folder.resolve())]
    for path in _code_paths():  # the environment may live under a hidden folder: bring it back
        if any(Path(path).resolve().is_relative_to(h.resolve()) for h in hidden if h.is_dir()):
            argv += ["--ro-bind", path, path]
    argv += ["--bind", str(shared), str(shared), "--chdir", str(shared)]
    argv += ["--setenv", "HOME", str(shared)]
    return [*argv, *_ISOLATE, sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]


def launcher_argv(sandbox_argv: list[str], work: Path) -> list[str]:
    """The kernel spec's command: sandbox_kernel adds the submission's own transcript, if any."""
    split = sandbox_argv.index(_ISOLATE[0])
    spec = {"sandbox": sandbox_argv[:split], "kernel": sandbox_argv[split:-2]}
    path = work / "kernel-launch.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    module = "facilitator_course.grading.sandbox_kernel"
    return [sys.executable, "-m", module, str(path), "{connection_file}"]


@contextmanager
def sandboxed_kernels(config: Config, course_root: Path, work: Path) -> Iterator[bool]:
    """Make nbgrader start its kernels in the sandbox for the duration; yields whether it does.

    Sets the kernel spec and ZeroMQ's ipc transport in `config`, and (process-wide, restored
    after) where Jupyter looks for kernel specs and writes connection files.
    """
    tool = bwrap()
    if tool is None:
        yield False
        return
    shared = work / "kernel-sockets"
    shared.mkdir(mode=0o700, parents=True, exist_ok=True)
    spec = work / "kernelspecs" / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": launcher_argv(kernel_argv(tool, course_root, work, shared), work),
                "display_name": "Python (grading sandbox)",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    config.Execute.kernel_name = KERNEL_NAME
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(shared / "kernel")
    saved = {name: os.environ.get(name) for name in ("JUPYTER_PATH", "JUPYTER_RUNTIME_DIR")}
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(work / "kernelspecs"), saved["JUPYTER_PATH"]) if p
    )
    os.environ["JUPYTER_RUNTIME_DIR"] = str(shared)
    try:
        yield True
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
