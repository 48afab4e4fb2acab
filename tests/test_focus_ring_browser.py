"""Focus on a worksheet field, in Voilà and Debian's Chromium, at 375 px and at desktop width.

Issue 12: focusing a 0-10 dropdown (Change Plan rulers, urge log strength) seemed to shift the
widget. A focus ring drawn outside the field was clipped by the row that holds it (its sides cut
off at phone width, where the field fills the row) and lay over the label above and the field
below, so the field looked as if it grew and moved. Here every text field and dropdown of those
worksheets is reached with Tab, and the test fails if anything in the worksheet moves or resizes,
if the ring is thinner than 2 px, cut off by a clipping ancestor, or drawn over another control
or label. The dropdown must still work from the keyboard (an arrow key picks a rating).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import screenshot_dir

pytestmark = pytest.mark.browser

WIDGETS = (
    'ChangePlanWidget(reference="change-plan-gambling")',
    'UrgeLogWidget(reference="urge-log-first-week")',
)
FIELDS = ".fc-widget :is(select, input[type=text], textarea):not(:disabled)"

# The worksheet and every element in it, relative to the notebook cell that shows it (the page
# scrolling to the field is not a shift; the worksheet or its output area scrolling sideways is).
BOXES_JS = """el => {
  const root = el.closest('.fc-widget'), cell = el.closest('.jp-Cell');
  const origin = cell.getBoundingClientRect();
  const boxes = [root, ...root.querySelectorAll('*')].map(e => {
    const r = e.getBoundingClientRect();  // a hidden element (no box) counts as 0, 0, 0, 0
    if (r.width === 0 && r.height === 0) return [e.tagName, 0, 0, 0, 0];
    return [e.tagName, r.x - origin.x, r.y - origin.y, r.width, r.height];
  });
  for (let a = el; a !== cell; a = a.parentElement) {
    boxes.push(['scroll of ' + a.tagName, a.scrollLeft, a.scrollTop, 0, 0]);
  }
  return boxes;
}"""

# What is wrong with the ring of the focused field: too thin, cut off by an ancestor that clips
# its overflow, or over another control or label of the worksheet.
RING_JS = """el => {
  const problems = [];
  const s = getComputedStyle(el);
  const width = parseFloat(s.outlineWidth), offset = parseFloat(s.outlineOffset);
  if (s.outlineStyle === 'none' || width < 2) problems.push('no ring of 2px or more');
  const out = Math.max(0, width + offset);  // how far the ring reaches outside the border box
  const r = el.getBoundingClientRect();
  const ring = {left: r.left - out, top: r.top - out, right: r.right + out,
                bottom: r.bottom + out};
  const cell = el.closest('.jp-Cell');  // beyond it is the page's own scrolling viewport
  for (let a = el.parentElement; a && a !== cell; a = a.parentElement) {
    const cs = getComputedStyle(a);
    const clipsX = cs.overflowX !== 'visible', clipsY = cs.overflowY !== 'visible';
    if (!clipsX && !clipsY) continue;
    // what the ancestor shows, or can scroll to (`auto`/`scroll`), in viewport coordinates
    const scrolls = v => v === 'auto' || v === 'scroll';
    const b = a.getBoundingClientRect();
    const left = b.left + a.clientLeft - (scrolls(cs.overflowX) ? a.scrollLeft : 0);
    const top = b.top + a.clientTop - (scrolls(cs.overflowY) ? a.scrollTop : 0);
    const wide = scrolls(cs.overflowX) ? a.scrollWidth : a.clientWidth;
    const high = scrolls(cs.overflowY) ? a.scrollHeight : a.clientHeight;
    const cut = (clipsX && (ring.left < left - 0.5 || ring.right > left + wide + 0.5))
      || (clipsY && (ring.top < top - 0.5 || ring.bottom > top + high + 0.5));
    if (cut) problems.push('ring cut off by ' + a.tagName + '.' + [...a.classList].join('.')
      + JSON.stringify([ring, left, top, wide, high]));
  }
  const root = el.closest('.fc-widget');
  const others = root.querySelectorAll(
    'select, input, textarea, button, label.widget-label, .widget-label-basic');
  for (const o of others) {
    if (o === el || o.contains(el) || el.contains(o) || o.offsetParent === null) continue;
    const b = o.getBoundingClientRect();
    if (b.width === 0 || b.height === 0) continue;
    if (b.left < ring.right - 0.5 && b.right > ring.left + 0.5 &&
        b.top < ring.bottom - 0.5 && b.bottom > ring.top + 0.5) {
      problems.push('ring over ' + o.tagName + ' ' + (o.textContent || o.value || '').trim()
        .slice(0, 40));
    }
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def worksheets_url(notebook_server):
    return notebook_server.widget_page(
        "worksheets",
        "# Worksheets",
        "from facilitator_course.widgets import ChangePlanWidget, UrgeLogWidget",
        *WIDGETS,
    )


def _same(before: list, after: list) -> list[str]:
    moved = []
    for old, new in zip(before, after, strict=True):
        if any(abs(a - b) > 0.5 for a, b in zip(old[1:], new[1:], strict=True)):
            moved.append(f"{old[0]} {[round(v) for v in old[1:]]} -> {[round(v) for v in new[1:]]}")
    return moved


@pytest.mark.parametrize("width", [375, 1200])
def test_tabbing_to_a_field_draws_a_ring_and_moves_nothing(page, worksheets_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(worksheets_url)
    rating = page.get_by_role("combobox", name="How important is it to me (0-10)?")
    rating.wait_for(state="visible", timeout=60_000)
    expect(page.get_by_role("combobox", name="Strength (0-10):")).to_be_visible()
    fields = page.locator(FIELDS)
    count = fields.count()
    assert count >= 10, count  # both worksheets drawn: two rulers, a strength, text boxes
    problems = []
    for index in range(count):
        field = fields.nth(index)
        field.scroll_into_view_if_needed()
        # reach the field with Tab from the stop before it, as a keyboard user does
        field.focus()
        page.keyboard.press("Shift+Tab")
        before = field.evaluate(BOXES_JS)
        page.keyboard.press("Tab")
        assert field.evaluate("e => e === document.activeElement"), field.evaluate(
            "e => e.outerHTML"
        )
        name = field.evaluate("e => e.labels?.[0]?.innerText || e.tagName")
        problems += [f"{name}: moved {m}" for m in _same(before, field.evaluate(BOXES_JS))]
        problems += [f"{name}: {p}" for p in field.evaluate(RING_JS)]
    assert not problems, f"at {width} px:\n" + "\n".join(problems)

    # the dropdown still works from the keyboard, and choosing moves nothing above it
    # (the first run's choice may come back as a saved draft: step on from whatever is shown)
    rating.focus()
    before = rating.evaluate(BOXES_JS)
    following = rating.evaluate("e => e.options[e.selectedIndex + 1].text")
    page.keyboard.press("ArrowDown")
    expect(rating.locator("option:checked")).to_have_text(following)
    moved = _same(before, rating.evaluate(BOXES_JS))
    assert not [m for m in moved if m.startswith("SELECT")], moved
    page.screenshot(path=str(screenshot_dir() / f"worksheet-focused-dropdown-{width}.png"))
