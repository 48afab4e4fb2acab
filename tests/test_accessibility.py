"""Accessibility of the web app: axe-core, computed names and focus rings on every lesson page.

axe (bundled by axe-playwright-python) catches most markup problems, but it passes an unlabelled
ipywidgets Text/Textarea: ipywidgets always renders an empty `<label for=…>` and a zero-width
placeholder, which satisfy axe's checks. So the names a screen reader would announce are also
read from Chromium's own accessibility tree (CDP `Accessibility.getFullAXTree`).
"""

from __future__ import annotations

import re
import time

import pytest

from conftest import ALL_CELLS_RUN, REPO
from facilitator_course.course import load_course
from facilitator_course.self_check import self_check_file

pytestmark = pytest.mark.browser

# The home page, every module's lesson and every self-check page, in course order (from
# course/course.yml; build.py generates a self-check beside each graded exercise).
PAGES = ["home.ipynb"] + [
    page
    for module in load_course(REPO).modules
    for nb in module.notebooks
    for page in (
        [f"{module.id}/{nb.file}"]
        if nb.kind == "lesson"
        else [f"{module.id}/{self_check_file(module)}"]
        if nb.kind == "exercise"
        else []
    )
]
# The graded exercises as Voilà serves them too (no widgets to name but the capstone's: their
# answers are typed in JupyterLab), checked for their headings and page shell only.
EXERCISES = [
    f"{module.id}/{nb.file}"
    for module in load_course(REPO).modules
    for nb in module.notebooks
    if nb.kind == "exercise"
]

# Every rule, `region` (all content in landmarks) included: the course template adds a <main>.
AXE_OPTIONS: dict = {}
BLOCKING_IMPACTS = {"serious", "critical"}

# Controls that must have a non-empty computed name. Left out on purpose:
# - slider: ipywidgets never ties a slider's description to its handle (role=slider), so no
#   course code can name it (no slider is used today; this keeps the gap visible in a comment).
# - radio *groups*: RadioButtons render no radiogroup/fieldset, so the group's description is not
#   its name; each radio input is still checked here, and is named by its own option label.
NAMED_ROLES = {
    "button",
    "checkbox",
    "combobox",
    "listbox",
    "radio",
    "searchbox",
    "spinbutton",
    "switch",
    "textbox",
}
INVISIBLE = "\u200b\u200c\u200d\ufeff"  # ipywidgets' placeholder is a zero-width space


@pytest.fixture(scope="module")
def a11y_page(browser):
    """One page reused for every lesson (a fresh page per lesson would only add start-up time)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def _open(page, url: str, ready: str) -> None:
    """Voilà sends the page first and runs its cells afterwards (progressive rendering), a
    placeholder standing in each cell until its outputs arrive; once none is left, the widgets
    still render in the browser, so wait until their count stops changing."""
    page.goto(url, timeout=120_000)
    page.locator(ready).first.wait_for(state="visible", timeout=60_000)
    page.wait_for_function(ALL_CELLS_RUN, timeout=120_000)
    last, stable_since = -1, time.monotonic()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        count = page.locator(".jupyter-widgets").count()
        if count != last:
            last, stable_since = count, time.monotonic()
        elif time.monotonic() - stable_since >= 0.6:
            return
        time.sleep(0.15)


def _axe_problems(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    problems = []
    for violation in violations:
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        problems.append(
            f"axe {violation['id']} ({violation['impact']}): {violation['help']}\n    "
            + "\n    ".join(targets[:10])
        )
    return problems


def _unnamed_controls(page) -> list[str]:
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        problems = []
        for node in nodes:
            if node.get("ignored"):
                continue
            role = node.get("role", {}).get("value")
            name = str(node.get("name", {}).get("value", ""))
            if role not in NAMED_ROLES or name.strip().strip(INVISIBLE).strip():
                continue
            html = "(no DOM node)"
            if "backendDOMNodeId" in node:
                obj = cdp.send("DOM.resolveNode", {"backendNodeId": node["backendDOMNodeId"]})
                html = cdp.send(
                    "Runtime.callFunctionOn",
                    {
                        "objectId": obj["object"]["objectId"],
                        "functionDeclaration": "function () { return this.outerHTML; }",
                        "returnByValue": True,
                    },
                )["result"].get("value", "")[:300]
            problems.append(f"{role} without an accessible name: {html}")
        return problems
    finally:
        cdp.detach()


def _contrast(rgb: tuple[float, float, float], other=(255.0, 255.0, 255.0)) -> float:
    def luminance(colour):
        channels = [c / 255 for c in colour]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(rgb), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


FOCUS_STYLE_JS = """() => {
  const e = document.activeElement;
  if (!e || !e.matches('button, input, select, textarea')) return null;
  const s = getComputedStyle(e);
  return {html: e.outerHTML.slice(0, 200), style: s.outlineStyle,
          width: parseFloat(s.outlineWidth), colour: s.outlineColor};
}"""


def _weak_focus_rings(page) -> list[str]:
    """Tab through the page: every focused widget control shows a ring of >= 2px at >= 3:1
    against the white page (WCAG 1.4.11; ipywidgets' own ring is 1px at about 2.2:1)."""
    controls = page.locator(
        ".jupyter-widgets button, .jupyter-widgets input, "
        ".jupyter-widgets select, .jupyter-widgets textarea"
    ).count()
    page.locator("body").focus()
    problems, seen = [], 0
    for _ in range(controls + 40):  # links in the lesson text are tab stops too
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_STYLE_JS)
        if info is None:
            continue
        seen += 1
        channels = [float(c) for c in re.findall(r"[\d.]+", info["colour"])[:3]]
        ratio = _contrast(tuple(channels)) if len(channels) == 3 else 0.0
        if info["style"] in ("none", "hidden") or info["width"] < 2 or ratio < 3:
            problems.append(
                f"weak focus ring ({info['style']} {info['width']}px {info['colour']}, "
                f"{ratio:.1f}:1): {info['html']}"
            )
        if seen >= controls:
            break
    return problems


HEADINGS_JS = """() => [...document.querySelectorAll(
  ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(h => '#rendered_cells ' + h).join(', '))]
  .filter(h => h.offsetParent !== null)
  .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""


def _heading_jumps(page) -> list[str]:
    """Visible headings never skip a level on the way down (h1 then h3 loses the outline)."""
    problems, level = [], 0
    for found, text in page.evaluate(HEADINGS_JS):
        if found > level + 1:
            problems.append(f"heading h{found} after h{level}: {text}")
        level = found
    return problems


def _page_shell_problems(page, notebook: str) -> list[str]:
    """A title of its own (not the file name), one main landmark, and a skip link to it."""
    problems = []
    title = page.title()
    if not title or title.startswith(("00-", "01-", "02-")) or title == "home":
        problems.append(f"page title is the file name: {title!r}")
    if page.get_by_role("main").count() != 1:
        problems.append("no single main landmark")
    if page.get_by_role("link", name="Skip to the page content").count() != 1:
        problems.append("no skip link")
    return problems


@pytest.mark.parametrize("notebook", PAGES)
def test_page_is_accessible(a11y_page, voila_url, notebook):
    ready = "table.fc-course-map" if notebook == "home.ipynb" else ".jupyter-widgets"
    _open(a11y_page, f"{voila_url}/voila/render/{notebook}", ready)
    problems = _axe_problems(a11y_page) + _unnamed_controls(a11y_page)
    problems += _heading_jumps(a11y_page) + _page_shell_problems(a11y_page, notebook)
    problems += _weak_focus_rings(a11y_page)
    assert not problems, f"{notebook}:\n" + "\n".join(problems)


@pytest.mark.parametrize("notebook", EXERCISES)
def test_exercise_page_headings_and_shell(a11y_page, voila_url, notebook):
    """An exercise's questions are h2 under its h1 (they were h3, and screen-reader users who
    move by heading level lost the outline); the capstone's meeting and report nest below."""
    _open(a11y_page, f"{voila_url}/voila/render/{notebook}", "#rendered_cells h1")
    problems = _heading_jumps(a11y_page) + _page_shell_problems(a11y_page, notebook)
    assert not problems, f"{notebook}:\n" + "\n".join(problems)
