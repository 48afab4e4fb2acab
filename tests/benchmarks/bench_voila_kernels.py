"""How many kernels and how much memory page views leave behind in the course's Voilà server.

Run: .venv/bin/python tests/benchmarks/bench_voila_kernels.py [--views 10] [--watch 240]
     [--max-pages 25] [--voila-arg=--MappingKernelManager.cull_idle_timeout=900 ...]
(2 x views + open must stay within --max-pages, or the last pages are refused by design.)

Starts the server exactly as `facilitator-course start` does (web.voila_command) on a free
loopback port with a throwaway learner folder, then opens page views in Debian's Chromium:

- `closed`: the lesson opened in a tab, its widgets used, then the tab closed normally
  (Voilà asks the server to stop the kernel as the page unloads);
- `vanished`: the tab killed without unloading (a crashed browser, a laptop closed, a lost
  connection): only culling can free its kernel;
- `fetched`: the page requested without a browser (a preview, a link checker): the kernel
  starts and nobody ever connects to it;
- `open`: tabs still open at the end, which must keep their kernels.

Then it prints the kernels alive and the server's memory (the server and every kernel, RSS)
every 15 s until `--watch` seconds have passed, and stops the server. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "utils"))
sys.path.insert(0, str(REPO / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, free_port, stop_process, wait_for_http  # noqa: E402
from facilitator_course.web import MAX_PAGES, voila_command  # noqa: E402

LESSON = "/voila/render/00-orientation/00-lesson.ipynb"


def kernels_and_memory(server: psutil.Process) -> tuple[int, float]:
    """(kernel processes alive, RSS of the server and all its children in MB)."""
    try:
        children = server.children(recursive=True)
        kernels = [c for c in children if "ipykernel" in " ".join(c.cmdline())]
        rss = server.memory_info().rss + sum(c.memory_info().rss for c in children)
    except psutil.NoSuchProcess:
        return 0, 0.0
    return len(kernels), rss / 1e6


def report(label: str, started: float, server: psutil.Process) -> tuple[int, float]:
    kernels, mb = kernels_and_memory(server)
    print(
        f"{time.monotonic() - started:7.0f} s  {label:<28} kernels={kernels:3d}  RSS={mb:7.0f} MB"
    )
    return kernels, mb


def open_lesson(context, base: str):
    page = context.new_page()
    page.goto(base + LESSON)
    button = page.get_by_role("button", name="Check my answers")
    button.wait_for(timeout=120_000)
    button.click()  # a message through the kernel, as a learner's click makes
    page.locator(".fc-feedback").first.wait_for(timeout=60_000)
    return page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", type=int, default=10, help="page views of each kind")
    parser.add_argument("--max-pages", type=int, default=MAX_PAGES, help="0 for no limit")
    parser.add_argument("--open", type=int, default=2, help="tabs left open to the end")
    parser.add_argument("--watch", type=int, default=240, help="seconds to watch afterwards")
    parser.add_argument("--voila-arg", action="append", default=[], help="extra Voilà option")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        log_path = Path(folder) / "voila.log"
        env = {**os.environ, "FACILITATOR_COURSE_HOME": str(Path(folder) / "learner")}
        env.pop("NBGRADER_EXECUTION", None)
        command = voila_command(
            REPO / "modules", port, max_pages=args.max_pages, extra=args.voila_arg
        )
        print("server:", " ".join(command[3:]))
        with open(log_path, "w") as log:
            proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        server = psutil.Process(proc.pid)
        started = time.monotonic()
        try:
            wait_for_http(base + "/", proc, log_path)
            report("server started", started, server)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                context = browser.new_context()
                for _ in range(args.views):
                    open_lesson(context, base).close(run_before_unload=True)
                time.sleep(3)  # the unload beacon is asynchronous
                report(f"{args.views} tabs closed", started, server)

                doomed = browser.new_context()
                for _ in range(args.views):
                    open_lesson(doomed, base)
                report(f"{args.views} more tabs open", started, server)
                browser.close()  # every tab gone at once, no unload: a crash
                report("browser killed", started, server)

                for _ in range(args.views):
                    with urllib.request.urlopen(base + LESSON, timeout=120) as response:
                        response.read()
                report(f"{args.views} fetched, no browser", started, server)

                browser = p.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                keep = [open_lesson(browser.new_context(), base) for _ in range(args.open)]
                peak = report(f"{args.open} tabs kept open", started, server)
                deadline = time.monotonic() + args.watch
                while time.monotonic() < deadline:
                    time.sleep(min(15, max(0.0, deadline - time.monotonic())))
                    last = report("watching", started, server)
                alive = all(page.locator(".fc-feedback").count() > 0 for page in keep)
                keep[0].get_by_role("button", name="Check my answers").click()
                keep[0].locator(".fc-feedback").first.wait_for(timeout=30_000)
                browser.close()
            print(
                f"\nsummary: peak {peak[0]} kernels / {peak[1]:.0f} MB; after {args.watch} s "
                f"{last[0]} kernels / {last[1]:.0f} MB; the {args.open} open tabs still work: "
                f"{alive}"
            )
        finally:
            stop_process(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
