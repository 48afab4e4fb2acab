"""How many learners one server holds: N simulated learners on a real hub, on loopback only.

Starts the hub as shipped (course/hub/, tests/hub_rig.py: real Unix users, removed afterwards),
then for N = 1, 10, 20 (and 40 with --levels) learners at once: each learner's server is started,
and a Chromium page per learner opens the Voilà course home, then a lesson, waits for its first
widget and clicks it. Prints time to first widget (median, worst), memory per learner (every
process of that learner's Unix user: their server and its kernels) and the hub's own memory (hub,
proxy and idle culler; the learners' servers are counted per learner, not here), and
says where it degrades (worst time to first widget over --slow seconds, or a page that failed).

    sudo .venv/bin/python tests/benchmarks/bench_hub_load.py [--levels 1,10,20,40] [--slow 10]

Stops by itself: every wait is bounded and the whole run ends after --max-minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pwd
import signal
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hub_rig import Hub, missing_requirements

LESSON = "course/00-orientation/00-lesson.ipynb"
HOME = "course/home.ipynb"
WIDGET = ".jupyter-widgets"
PAGE_S = 180


def rss_mb_by_uid() -> dict[int, float]:
    """Resident memory of every process, summed per Unix user (from /proc)."""
    totals: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if "VmRSS" not in fields:
            continue
        uid = int(fields["Uid"].split()[0])
        totals[uid] = totals.get(uid, 0.0) + int(fields["VmRSS"].split()[0]) / 1024
    return totals


def process_tree_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (the hub, its proxy and services)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = dict(
                line.split(":", 1)
                for line in (entry / "status").read_text().splitlines()
                if ":" in line
            )
        except OSError:
            continue
        children.setdefault(int(fields["PPid"]), []).append(int(entry.name))
        rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0.0)
        todo.extend(children.get(current, []))
    return total


async def one_learner(browser, hub: Hub, name: str, delay: float) -> dict[str, float | str]:
    """Open the home page, then a lesson; seconds to its first widget and to a click's answer."""
    await asyncio.sleep(delay)
    context = await browser.new_context(extra_http_headers={"Authorization": f"token {hub.token}"})
    page = await context.new_page()
    try:
        began = time.monotonic()
        await page.goto(f"{hub.url}/user/{name}/voila/render/{HOME}", timeout=PAGE_S * 1000)
        await page.wait_for_selector("text=Lesson", timeout=PAGE_S * 1000)
        home_s = time.monotonic() - began
        began = time.monotonic()
        await page.goto(f"{hub.url}/user/{name}/voila/render/{LESSON}", timeout=PAGE_S * 1000)
        await page.wait_for_selector(WIDGET, state="visible", timeout=PAGE_S * 1000)
        widget_s = time.monotonic() - began
        before = await page.inner_text("body")
        began = time.monotonic()
        # the lesson's sorting exercise: "Check my answers" with nothing sorted yet answers
        # in words (a round trip through the learner's kernel)
        await page.get_by_role("button", name="Check my answers").first.click(timeout=PAGE_S * 1000)
        await page.wait_for_function(
            "before => document.body.innerText !== before", arg=before, timeout=PAGE_S * 1000
        )
        click_s = time.monotonic() - began
        return {"home": home_s, "widget": widget_s, "click": click_s}
    except Exception as error:  # a failed page is a result here: where the server degrades
        return {"error": f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"}
    finally:
        await context.close()


async def run_level(hub: Hub, learners: list[str], spread: float) -> list[dict[str, float | str]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            step = spread / len(learners)
            return await asyncio.gather(
                *(one_learner(browser, hub, name, i * step) for i, name in enumerate(learners))
            )
        finally:
            await browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="1,10,20", help="learner counts, e.g. 1,10,20,40")
    parser.add_argument(
        "--slow", type=float, default=10.0, help="seconds to first widget that count as degraded"
    )
    parser.add_argument("--max-minutes", type=float, default=25.0)
    parser.add_argument(
        "--spread",
        type=float,
        default=0.0,
        help="seconds over which the N learners arrive (0: all at the same moment, the worst case)",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # still remove the users on kill
    problems = missing_requirements()
    if problems:
        print("Cannot run: " + "; ".join(problems), file=sys.stderr)
        return 2
    levels = sorted({int(n) for n in args.levels.split(",")})
    stop_at = time.monotonic() + args.max_minutes * 60
    hub = Hub(trainers=0, trainees=max(levels))
    degraded_at = None
    try:
        hub.start()
        started: list[str] = []
        print(
            f"{'N':>3} {'spawn s/learner':>15} {'home s med':>10} {'widget s med':>12} "
            f"{'widget s max':>12} {'click s med':>11} {'MB/learner':>10} {'hub MB':>7} failed"
        )
        for level in levels:
            if time.monotonic() > stop_at:
                print(f"stopped before N={level}: --max-minutes reached")
                break
            began = time.monotonic()
            new = hub.trainees[len(started) : level]
            for name in new:
                hub.spawn(name)
                started.append(name)
            spawn_each = (time.monotonic() - began) / max(1, len(new))
            results = asyncio.run(run_level(hub, started[:level], args.spread))
            time.sleep(2)
            by_uid = rss_mb_by_uid()
            learner_mb = [by_uid.get(pwd.getpwnam(n).pw_uid, 0.0) for n in started]
            per_learner = statistics.mean(learner_mb[:level])
            ok = [r for r in results if "error" not in r]
            failed = [r["error"] for r in results if "error" in r]
            widget = [float(r["widget"]) for r in ok]
            row = (
                f"{level:>3} {spawn_each:>15.1f} "
                f"{statistics.median(float(r['home']) for r in ok) if ok else float('nan'):>10.1f} "
                f"{statistics.median(widget) if ok else float('nan'):>12.1f} "
                f"{max(widget) if ok else float('nan'):>12.1f} "
                f"{statistics.median(float(r['click']) for r in ok) if ok else float('nan'):>11.2f} "
                f"{per_learner:>10.0f} {process_tree_mb(hub.proc.pid) - sum(learner_mb):>7.0f} {len(failed)}"
            )
            print(row, flush=True)
            for error in sorted(set(failed))[:3]:
                print(f"    failed: {error}")
            if degraded_at is None and (failed or (widget and max(widget) > args.slow)):
                degraded_at = level
        print(
            f"degrades at N={degraded_at} (a failed page or first widget > {args.slow:.0f} s)"
            if degraded_at
            else f"no degradation up to N={len(started)} (first widget <= {args.slow:.0f} s)"
        )
        print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        hub.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
