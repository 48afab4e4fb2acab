"""Running a course server for a learner: an address that tells the truth and a quiet terminal.

The port. Voilà, finding its port taken, silently moves to the next one, so the address the
course printed would answer 404 (or reach some other program). `start` therefore checks the port
first and stops with a plain message when it is taken, and tells Voilà never to move
(`--Voila.port_retries=0`), so the printed address is the one that answers.

The terminal. Jupyter prints two warnings on every page view that read as alarms in a course that
promises privacy, yet are harmless on the learner's own machine, so they are left out:
- "Kernel is running over TCP without encryption ... susceptible to eavesdropping": the page's
  Python process talks to the server over 127.0.0.1, which never leaves this computer, and every
  message is signed with a key that only the two of them share (in an owner-only file).
- "Notebook home.ipynb is not trusted": Jupyter has not signed the course notebooks on this
  machine. Trust only decides whether output saved inside a notebook (HTML, scripts) is shown
  when it is opened in an editor; the course notebooks are shipped without output, and Voilà
  shows only what they produce as they run.
Everything else (errors included) is passed through unchanged.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from typing import IO

HOST = "127.0.0.1"
HARMLESS_NOISE = (
    "Kernel is running over TCP without encryption",
    "is not trusted",  # "Notebook home.ipynb is not trusted"
)
READY_SECONDS = 180  # how long to wait for the server to answer before saying nothing more
STOP_SECONDS = 20  # after Ctrl+C: time for the server to close its pages' kernels


def port_in_use(port: int, host: str = HOST) -> bool:
    """True when a server could not listen on `host:port` now (another program holds it).

    Binds the way the course's server does (address reuse on POSIX, as Tornado sets it), so a
    port that merely has connections closing is not reported as taken.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if sys.platform != "win32":  # on Windows SO_REUSEADDR would let us steal a live port
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def free_port_after(port: int, tries: int = 50) -> int | None:
    """The first port above `port` that is free now (to suggest), or None."""
    return next((p for p in range(port + 1, port + 1 + tries) if not port_in_use(p)), None)


def port_taken_message(port: int, home: str, command: str) -> str:
    suggestion = free_port_after(port)
    lines = [
        f"Port {port} is already in use on this computer, so the course cannot start there.",
        f"If the course is already running, open {home}",
        "(or stop it with Ctrl+C in the window where it runs).",
    ]
    if suggestion is not None:
        lines.append(f"Otherwise start it on a free port:  {command} --port {suggestion}")
    else:
        lines.append(f"Otherwise close the program using port {port}, or choose another --port.")
    return "\n".join(lines)


def is_noise(line: str) -> bool:
    return any(text in line for text in HARMLESS_NOISE)


def _copy_without_noise(source: IO[str], target: IO[str]) -> None:
    for line in source:
        if is_noise(line):
            continue
        try:
            target.write(line)
        except UnicodeEncodeError:  # a terminal that cannot show "Voilà"
            target.write(line.encode("ascii", "replace").decode("ascii"))
        target.flush()


def _say_when_ready(proc: subprocess.Popen, url: str, message: str) -> None:
    """Print `message` once `url` answers (the server takes a few seconds to listen), so a
    learner who opened the address too soon knows when a reload will work."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy
    deadline = time.monotonic() + READY_SECONDS
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with opener.open(url, timeout=5):
                pass
        except urllib.error.HTTPError:
            pass  # it answered, even if not with the page itself
        except OSError:
            time.sleep(0.5)
            continue
        print(message, flush=True)
        return


def run_server(
    command: Sequence[str],
    stderr: IO[str] | None = None,
    env: Mapping[str, str] | None = None,
    ready: tuple[str, str] | None = None,
) -> int:
    """Run a server until it stops; its messages reach the terminal without harmless noise.

    Ctrl+C (which the server receives too) or a SIGTERM to this process lets the server shut its
    kernels down before it is stopped harder, so no page's Python process is left behind.
    `ready` is a URL and a message printed once that URL answers.
    """
    target = stderr or sys.stderr
    proc = subprocess.Popen(
        list(command),
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=None if env is None else dict(env),
    )
    assert proc.stderr is not None
    reader = threading.Thread(target=_copy_without_noise, args=(proc.stderr, target), daemon=True)
    reader.start()
    if ready:
        threading.Thread(target=_say_when_ready, args=(proc, *ready), daemon=True).start()
    previous = None
    asked_to_stop = False

    def stop_server(*_: object) -> None:
        nonlocal asked_to_stop
        asked_to_stop = True
        proc.terminate()

    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, stop_server)
    try:
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            asked_to_stop = True
            code = _stop(proc)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    # a kernel that outlives the server may hold the pipe open: do not wait for it forever
    reader.join(timeout=2)
    return 0 if asked_to_stop else code


def _stop(proc: subprocess.Popen) -> int:
    for step in (None, proc.terminate, proc.kill):
        if step is not None:
            step()
        with contextlib.suppress(subprocess.TimeoutExpired, KeyboardInterrupt):
            return proc.wait(timeout=STOP_SECONDS if step is None else 5)
    return proc.wait()
