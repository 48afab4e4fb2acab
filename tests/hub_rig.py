"""A real JupyterHub on loopback with real Unix users, as course/hub/ ships it (tests and benchmarks).

Why a rig: the faithful hub needs root (useradd, a hub that setuids to each user), a Python every
user can read (this venv's interpreter usually lives under /root, mode 0700), configurable-http-
proxy from npm and a 1777 exchange. Everything is made under one /tmp folder and removed again,
users included, so a failed run leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from conftest import REPO, free_port, stop_process

COURSE_ID = "facilitator-course"
PROXY = REPO / ".venv" / "hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _open_to_all(path: Path) -> bool:
    """True when every user can enter `path` and each folder above it."""
    return all(p.stat().st_mode & 0o001 for p in (path, *path.parents))


# The hub's users run the course as themselves, so it must sit where they can read it. A clone
# under /root (mode 0700) cannot be, so then a readable copy in /tmp is used instead, with the
# hub's own venv beside it (the course's files only: no .git, no .venv).
if _open_to_all(REPO):
    COURSE_ROOT = REPO
    HUB_VENV = REPO / ".venv" / "hub-venv"
else:
    COURSE_ROOT = Path("/tmp/fc-hub-course")
    HUB_VENV = Path("/tmp/fc-hub-venv")
HUB_DIR = COURSE_ROOT / "course" / "hub"


def readable_course() -> Path:
    """The course folder the hub's users read: the repository itself, or a fresh copy of it."""
    if COURSE_ROOT == REPO:
        return REPO
    if COURSE_ROOT.exists():
        shutil.rmtree(COURSE_ROOT)
    shutil.copytree(
        REPO,
        COURSE_ROOT,
        symlinks=True,
        ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".*cache"),
    )
    open_up(COURSE_ROOT)
    return COURSE_ROOT


def open_up(root: Path) -> None:
    """Folders 0755 and files readable (and runnable when the owner may run them) by everyone:
    whatever umask the test process has, the hub's users must be able to read the course."""
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            target = Path(folder) / name
            if target.is_symlink():
                continue
            mode = target.stat().st_mode
            target.chmod(mode | 0o444 | (0o111 if mode & 0o100 else 0))


def missing_requirements() -> list[str]:
    """Why a hub cannot be started here, in words a person can act on (empty: it can)."""
    problems = []
    if os.geteuid() != 0:
        problems.append("the hub test needs root (useradd, a hub that runs each user's server)")
    if not shutil.which("useradd") or not shutil.which("runuser"):
        problems.append("useradd and runuser are needed (Debian: passwd, util-linux)")
    if not PROXY.exists() and not shutil.which("configurable-http-proxy"):
        problems.append(
            f"configurable-http-proxy is missing: bash utils/test.sh installs it, or "
            f"npm install --prefix {PROXY.parents[2]} configurable-http-proxy"
        )
    if not SYSTEM_PYTHON.exists():
        problems.append(f"{SYSTEM_PYTHON} (Debian's python3, with python3-venv) is needed")
    return problems


class Hub:
    """One hub, its users and its exchange; `close()` removes all of them."""

    def __init__(self, trainers: int = 1, trainees: int = 2) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="fc-hub-", dir="/tmp"))
        self.base.chmod(0o755)
        tag = secrets.token_hex(2)
        self.trainers = [f"fc{tag}tr{i}" for i in range(1, trainers + 1)]
        self.trainees = [f"fc{tag}t{i}" for i in range(1, trainees + 1)]
        self.users: list[str] = []
        self.token = secrets.token_hex(24)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.python = self._shared_python()
        self.exchange = self.base / "exchange"
        subprocess.run(
            ["bash", str(HUB_DIR / "setup-exchange.sh"), str(self.exchange)],
            check=True,
            capture_output=True,
        )
        self.jupyter_config = self.base / "jupyter-config"
        self.jupyter_config.mkdir(mode=0o755)
        shutil.copy(HUB_DIR / "nbgrader_config.py", self.jupyter_config)
        for name in self.trainers + self.trainees:
            self._add_user(name)
        self.trainers_group = f"fc{tag}trainers"
        self._saved_modes: list[tuple[Path, int, int]] = []
        self._answer_key_for_trainers_only()

    # --- setting up ---------------------------------------------------------------------------

    def _shared_python(self) -> Path:
        """The hub's own venv on Debian's python3, outside /root: every user can run it.

        Built once (about a minute) as the deployment guide builds it; this test venv's own
        interpreter usually lives under /root (mode 0700), where other users cannot reach it.
        """
        python = HUB_VENV / "bin" / "python"
        course = readable_course()
        if not (HUB_VENV / "bin" / "jupyterhub-singleuser").exists():
            subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", str(HUB_VENV)], check=True)
            subprocess.run(
                [str(python), "-m", "pip", "install", "-q", "-e", f"{course}[hub]"], check=True
            )
        if HUB_VENV != REPO / ".venv" / "hub-venv":
            open_up(HUB_VENV)
        return python

    def _add_user(self, name: str) -> None:
        home = self.base / "home" / name
        home.parent.mkdir(mode=0o755, exist_ok=True)
        subprocess.run(
            ["useradd", "-m", "-d", str(home), "-s", "/bin/bash", "-K", "HOME_MODE=0700", name],
            check=True,
            capture_output=True,
        )
        self.users.append(name)

    def _answer_key_for_trainers_only(self) -> None:
        """As the deployment guide says: solutions/ (the instructor notebooks) belongs to a
        trainers group and is closed to everyone else. The course folder may be the developer's
        own checkout, so each path's group and mode are kept and put back by close()."""
        subprocess.run(["groupadd", self.trainers_group], check=True, capture_output=True)
        for name in self.trainers:
            subprocess.run(
                ["usermod", "-aG", self.trainers_group, name], check=True, capture_output=True
            )
        solutions = COURSE_ROOT / "solutions"
        for path in [solutions, *sorted(solutions.rglob("*"))]:
            if not path.is_symlink():
                info = path.stat()
                self._saved_modes.append((path, info.st_gid, info.st_mode & 0o7777))
        subprocess.run(["chgrp", "-R", self.trainers_group, str(solutions)], check=True)
        subprocess.run(["chmod", "-R", "o-rwx", str(solutions)], check=True)

    def _give_back_the_answer_key(self) -> None:
        for path, gid, mode in self._saved_modes:
            with contextlib.suppress(OSError):
                os.chown(path, -1, gid)
                path.chmod(mode)
        subprocess.run(["groupdel", self.trainers_group], capture_output=True, check=False)

    def home(self, name: str) -> Path:
        return self.base / "home" / name

    # --- running things as a user ---------------------------------------------------------------

    def env_for(self, name: str) -> dict[str, str]:
        return {
            "HOME": str(self.home(name)),
            "USER": name,
            "LOGNAME": name,
            "PATH": f"{self.python.parent}:/usr/bin:/bin",
            "JUPYTER_CONFIG_PATH": str(self.jupyter_config),
            "FACILITATOR_EXCHANGE": str(self.exchange),
            "FACILITATOR_COURSE_ROOT": str(COURSE_ROOT),
            "LANG": "C.UTF-8",
        }

    def run_as(
        self, name: str, argv: list[str], check: bool = True, timeout: float = 300
    ) -> subprocess.CompletedProcess:
        """Run argv as Unix user `name` in their home, with only the environment a server gives."""
        env = [f"{k}={v}" for k, v in self.env_for(name).items()]
        done = subprocess.run(
            ["runuser", "-u", name, "--", "env", "-i", *env, *argv],
            cwd=self.home(name),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"{name}: {' '.join(argv)} exited {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            )
        return done

    def nbgrader(self, name: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return self.run_as(name, [str(self.python), "-m", "nbgrader", *args], check=check)

    def course_cli(self, name: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        code = "import sys; from facilitator_course.cli import main; sys.exit(main())"
        return self.run_as(name, [str(self.python), "-c", code, *args], check=check)

    # --- the hub itself -----------------------------------------------------------------------------

    def start(self, deadline_s: float = 90) -> None:
        state = self.base / "state"
        state.mkdir(mode=0o700)
        env = {
            **os.environ,
            "FACILITATOR_HUB_PYTHON": str(self.python),
            "FACILITATOR_HUB_COURSE": str(COURSE_ROOT / "modules"),
            "FACILITATOR_HUB_STATE": str(state),
            "FACILITATOR_HUB_TRAINERS": ",".join(self.trainers),
            "FACILITATOR_HUB_TRAINEES": ",".join(self.trainees),
            "FACILITATOR_HUB_PASSWORD": secrets.token_hex(8),
            "FACILITATOR_HUB_PROXY": str(
                PROXY if PROXY.exists() else shutil.which("configurable-http-proxy")
            ),
            "FACILITATOR_HUB_PORT": str(self.port),
            "FACILITATOR_HUB_INTERNAL_PORT": str(free_port()),
            "FACILITATOR_HUB_PROXY_API_PORT": str(free_port()),
            "FACILITATOR_HUB_API_TOKEN": self.token,
            "FACILITATOR_HUB_JUPYTER_CONFIG": str(self.jupyter_config),
            "FACILITATOR_EXCHANGE": str(self.exchange),
        }
        self.log = self.base / "hub.log"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(HUB_DIR / "jupyterhub_config.py")],
            cwd=state,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + deadline_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited early:\n{self.log.read_text()[-4000:]}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(
            f"the hub did not answer in {deadline_s}s:\n{self.log.read_text()[-4000:]}"
        )

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 60)
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, **kwargs)

    def spawn(self, name: str, deadline_s: float = 120) -> float:
        """Start `name`'s server through the REST API; seconds until it is ready."""
        began = time.monotonic()
        answer = self.api("POST", f"/users/{name}/server")
        assert answer.status_code in (201, 202), answer.text
        while time.monotonic() - began < deadline_s:
            server = self.api("GET", f"/users/{name}").json().get("servers", {}).get("", {})
            if server.get("ready"):
                return time.monotonic() - began
            time.sleep(0.5)
        raise RuntimeError(
            f"{name}'s server was not ready in {deadline_s}s:\n{self.log.read_text()[-4000:]}"
        )

    def get(self, path: str, **kwargs) -> requests.Response:
        """A page behind the proxy, with the admin service's token (it may access servers)."""
        headers = {"Authorization": f"token {self.token}"}
        return requests.get(f"{self.url}{path}", headers=headers, timeout=120, **kwargs)

    def close(self) -> None:
        """Stop the hub (it stops every server) and remove the users and the folder."""
        if self.proc is not None:
            for name in self.users:
                with contextlib.suppress(requests.RequestException):
                    self.api("DELETE", f"/users/{name}/server", timeout=30)
            stop_process(self.proc)
        for name in self.users:
            subprocess.run(["userdel", "-f", "-r", name], capture_output=True, check=False)
        self._give_back_the_answer_key()
        shutil.rmtree(self.base, ignore_errors=True)
