"""Time to the first interactive widget on every course page, next to a one-widget notebook.

Run: .venv/bin/python tests/benchmarks/bench_first_widget.py [--reps 3] [--target 1.3]
     [--only 01-motivational]

A learner's wait is the page's: Voilà starts a kernel, runs every cell, then the browser draws
the widgets. Machines differ, so each page is compared with a notebook holding one button,
served by the same server in the same run (its kernel start and Voilà's own overhead are the
floor no course page can beat). Pages: home, every lesson, every self-check. Each is opened
`--reps` times in a fresh tab (alternating with the one-widget notebook, so a busy moment on a
shared machine hits both), and the medians are compared. Exits 1 if a page is above `--target`.

Starts the server exactly as `facilitator-course start` does (web.voila_command) on a free
loopback port, with a throwaway learner folder and a copy-free view of modules/ (symlinks)
beside the one-widget notebook. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "utils"))
sys.path.insert(0, str(REPO / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, start_voila, stop_process  # noqa: E402
from facilitator_course.course import load_course  # noqa: E402
from facilitator_course.self_check import self_check_file  # noqa: E402

BLANK = "one-widget.ipynb"
# a widget control, whether it is the widget's own element (a lone Button) or inside one
CONTROL = (
    ".jupyter-widgets:is(button, input, select, textarea), "
    ".jupyter-widgets :is(button, input, select, textarea)"
)

# some control is drawn (a hidden one, such as a confirm button, does not count)
DRAWN = f"() => [...document.querySelectorAll({CONTROL!r})].some(e => e.offsetParent !== null)"


def course_pages() -> list[str]:
    course = load_course(REPO)
    pages = ["home.ipynb"]
    for module in course.modules:
        for nb in module.notebooks:
            if nb.kind == "lesson":
                pages.append(f"{module.id}/{nb.file}")
            elif nb.kind == "exercise":
                pages.append(f"{module.id}/{self_check_file(module)}")
    return pages


def serve_folder(folder: Path) -> Path:
    """modules/ by symlinks, plus the one-widget notebook."""
    root = folder / "served"
    root.mkdir()
    for entry in (REPO / "modules").iterdir():
        (root / entry.name).symlink_to(entry)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('import ipywidgets as w\n\nw.Button(description="Go")')]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(nb, root / BLANK)
    return root


def first_widget_seconds(browser, url: str) -> float:
    """Seconds from navigation to the first widget control drawn on the page (fresh tab)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    try:
        started = time.monotonic()
        page.goto(url, wait_until="commit", timeout=120_000)
        page.wait_for_function(DRAWN, timeout=120_000, polling=50)
        return time.monotonic() - started
    finally:
        page.close(run_before_unload=True)  # the tab asks Voilà to stop its kernel
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--target", type=float, default=1.3)
    parser.add_argument("--only", default="", help="only pages whose path contains this")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    pages = [page for page in course_pages() if args.only in page]
    with tempfile.TemporaryDirectory(prefix="fc-bench-") as tmp:
        folder = Path(tmp)
        # no page limit: a kernel whose tab closed may outlive it by a moment
        proc, base = start_voila(serve_folder(folder), folder, max_pages=0)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                first_widget_seconds(browser, f"{base}/voila/render/{BLANK}")  # warm-up
                blank: list[float] = []
                times: dict[str, list[float]] = {page: [] for page in pages}
                for rep in range(args.reps):
                    for page in pages:
                        blank.append(first_widget_seconds(browser, f"{base}/voila/render/{BLANK}"))
                        times[page].append(
                            first_widget_seconds(browser, f"{base}/voila/render/{page}")
                        )
                        print(
                            f"  run {rep + 1}: {page} {times[page][-1]:.2f} s "
                            f"(one-widget {blank[-1]:.2f} s)",
                            flush=True,
                        )
                browser.close()
        finally:
            stop_process(proc)
    floor = statistics.median(blank)
    print(f"one-widget notebook: median {floor:.2f} s over {len(blank)} loads")
    print(f"{'page':<48} {'median s':>9} {'ratio':>6}")
    worst = 0.0
    for page in pages:
        median = statistics.median(times[page])
        ratio = median / floor
        worst = max(worst, ratio)
        flag = "" if ratio <= args.target else f"  above {args.target}x"
        print(f"{page:<48} {median:9.2f} {ratio:6.2f}{flag}")
    print(f"worst ratio {worst:.2f} (target {args.target})")
    return 0 if worst <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
