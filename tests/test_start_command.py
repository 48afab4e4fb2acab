"""`facilitator-course start` tells the truth: the address it prints answers, a taken port stops
it with a plain message, and the terminal carries no alarming but harmless Jupyter warnings."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import REPO, free_port, run_cli, stop_process, wait_for_http
from facilitator_course import launcher
from facilitator_course.launcher import is_noise, port_in_use

NOISE = (
    "[IPKernelApp] WARNING | Kernel is running over TCP without encryption. All communication "
    "(including code and outputs) is sent in plain text and is susceptible to eavesdropping.\n",
    "[Voila] WARNING | Notebook home.ipynb is not trusted\n",
)


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "facilitator_course.cli", "start", *args]


def _env(tmp_path) -> dict[str, str]:
    env = {**os.environ, "FACILITATOR_COURSE_HOME": str(tmp_path / "learner")}
    env.pop("NBGRADER_EXECUTION", None)
    return env


@pytest.fixture
def busy_port():
    """A port held by another program: a real listening socket."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def test_a_taken_port_stops_with_a_plain_message(busy_port, tmp_path):
    result = subprocess.run(
        _command("--port", str(busy_port)),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=_env(tmp_path),
    )
    assert result.returncode == 1
    assert f"Port {busy_port} is already in use" in result.stderr
    assert "--port" in result.stderr and "Traceback" not in result.stderr
    assert "Open this address" not in result.stdout  # no address that would not answer
    suggested = int(result.stderr.split("--port ")[-1].split()[0])
    assert suggested != busy_port and not port_in_use(suggested)


def test_voila_never_moves_to_another_port(busy_port, monkeypatch):
    """Second line of defence: should the port be taken between the check and Voilà listening,
    Voilà stops instead of serving on the next port under an address nobody printed."""
    monkeypatch.setattr(launcher, "port_in_use", lambda port, host="": False)
    code, _out, err = run_cli(["start", "--port", str(busy_port)])
    assert code != 0
    assert "could not be started" in err and "exit status" in err
    assert "trying another port" in err  # Voilà's own words; it then stops rather than moves
    assert not _answers(busy_port + 1)


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=3):
            return True
    except OSError:
        return False


def test_the_printed_address_answers_and_the_terminal_is_quiet(tmp_path):
    port = free_port()
    out_path, err_path = tmp_path / "out.txt", tmp_path / "err.txt"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        proc = subprocess.Popen(
            _command("--port", str(port)), stdout=out, stderr=err, cwd=REPO, env=_env(tmp_path)
        )
    try:
        deadline = time.monotonic() + 30
        while "http://" not in out_path.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        printed = next(
            line.strip() for line in out_path.read_text().splitlines() if "http://" in line
        )
        assert printed == f"http://127.0.0.1:{port}/voila/render/home.ipynb"
        deadline = time.monotonic() + 120
        while "is ready" not in out_path.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        # said once the server answers, and the address answers at once after it
        assert "The course is ready" in out_path.read_text()
        wait_for_http(printed, proc, err_path, deadline_s=60)  # renders home: starts a kernel
        time.sleep(2)  # the kernel's own start-up lines
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        stop_process(proc)
    terminal = err_path.read_text()
    assert "Kernel started" in terminal  # the server's messages still reach the terminal
    assert "without encryption" not in terminal and "not trusted" not in terminal, terminal


def test_only_the_harmless_warnings_are_left_out():
    assert all(is_noise(line) for line in NOISE)
    for line in (
        "[Voila] ERROR | Uncaught exception GET /voila/render/home.ipynb\n",
        "[Voila] Kernel started: 0d44acd9\n",
        "[Voila] CRITICAL | ERROR: the Voilà server could not be started\n",
    ):
        assert not is_noise(line)
