"""Shared look and behaviour of the practice widgets: colours, CSS, meters, badges, messages.

Plain HTML strings (no ipywidgets import at module level) so engines' feedback objects can
render themselves for graded notebooks. Colour is never the only signal: every badge and meter
also says in words what it shows. All learner text must already be escaped by the caller or is
escaped here.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import sys
from typing import Any

from ..htmlsafe import escape

# (text colour, background) pairs with at least 4.5:1 contrast for the text.
TONES: dict[str, tuple[str, str]] = {
    "good": ("#1b5e20", "#e8f5e9"),
    "ok": ("#1b5e20", "#e8f5e9"),
    "neutral": ("#37474f", "#eceff1"),
    "info": ("#0d47a1", "#e3f2fd"),
    "todo": ("#7a4a00", "#fff4e0"),
    "mixed": ("#7a4a00", "#fff4e0"),
    "weak": ("#8a1c1c", "#fdecea"),
    "poor": ("#8a1c1c", "#fdecea"),
    "unsafe": ("#8a1c1c", "#fdecea"),
    "safety": ("#8a1c1c", "#fdecea"),
}
MARKS = {
    "good": "✔",
    "ok": "✔",
    "neutral": "•",
    "info": "ℹ",
    "todo": "✎",
    "mixed": "◐",
    "weak": "✘",
    "poor": "✘",
    "unsafe": "⚠",
    "safety": "⚠",
}
QUALITY_WORDS = {"good": "MI-consistent", "neutral": "neutral", "weak": "try another way"}
# The verdict in words at the head of a feedback message (the symbols are hidden from screen
# readers and colour is never the only signal).
VERDICT_WORDS = {"good": "Good reply", "neutral": "Neutral reply", "weak": "Try another way"}

# A visible focus ring (WCAG 1.4.11: the ipywidgets default is about 2:1), wrapping long option
# labels, and a layout for the transcript. Scoped under .fc-widget so nothing else changes.
COURSE_CSS = """
.fc-widget { max-width: 920px; font-size: 15px; line-height: 1.45; color: #1a1a1a; }
.fc-widget :focus-visible, .fc-widget button:focus, .fc-widget input:focus,
.fc-widget textarea:focus, .fc-widget select:focus {
  outline: 3px solid #0b57d0 !important; outline-offset: 2px;
}
/* Text boxes and dropdowns draw the ring inside their own border: outside it, it was cut off by
   the row (which clips its overflow) where the field fills the row, as on a phone, and it lay
   over the label and the next field, so the field seemed to grow and move when focused. */
.fc-widget select:focus, .fc-widget textarea:focus,
.fc-widget input:not([type=checkbox]):not([type=radio]):focus {
  outline-offset: -3px;
}
.fc-widget .widget-radio-box label, .fc-widget .widget-label, .fc-widget .widget-label-basic {
  white-space: normal; height: auto; line-height: 1.35;
}
/* ipywidgets puts the option text before a floated radio input, so a long option that wraps
   pushes its radio button down to the second line: lay the label out as a row instead. */
.fc-widget .widget-radio-box label { margin: 4px 0; display: flex; flex-direction: row-reverse;
  justify-content: flex-end; align-items: flex-start; gap: 8px; }
.fc-widget .widget-radio-box input { margin: 3px 0 0 1px; float: none; flex-shrink: 0; }
.fc-widget .widget-radio { width: 100%; }
.fc-widget .widget-radio-box { width: 100%; }
.fc-widget .widget-inline-hbox .widget-label { min-width: 9em; }
.fc-widget .fc-wide-label .widget-label { min-width: 0; max-width: none; width: auto; }
/* A stacked input: its label above it, left-aligned (long worksheet labels, reply boxes). */
.fc-widget .fc-stacked.widget-inline-hbox { flex-direction: column; align-items: stretch;
  height: auto; }
.fc-widget .fc-stacked > .widget-label { width: auto !important; max-width: none;
  min-width: 0; text-align: left; font-weight: 600; margin: 0 0 2px; }
.fc-widget .fc-stacked textarea { flex: 1 1 auto; }
.fc-widget button.jupyter-button { height: auto; min-height: 32px; white-space: normal; }
.fc-widget .fc-turn { border-left: 4px solid #90a4ae; padding: 4px 10px; margin: 8px 0; }
.fc-widget .fc-line { margin: 2px 0; }
.fc-widget .fc-badge { display: inline-block; border-radius: 3px; padding: 0 6px;
  font-size: 13px; font-weight: 600; margin-left: 4px; }
.fc-widget .fc-meter { margin: 4px 0; }
.fc-widget .fc-meter > strong { display: inline-block; min-width: 12.5em; }
.fc-widget .fc-meter-track { background: #e0e0e0; height: 12px; border-radius: 6px;
  width: 260px; display: inline-block; vertical-align: middle; margin: 0 8px; overflow: hidden;
  border: 1px solid #757575; }
.fc-widget .fc-meter-fill { height: 100%; }
.fc-widget table.fc-table { border-collapse: collapse; margin: 6px 0; }
/* a wide table scrolls inside its own box on a phone instead of widening the whole widget */
.fc-widget .fc-table-scroll { overflow-x: auto; max-width: min(100%, calc(100vw - 40px)); }
.fc-widget .fc-fit { max-width: calc(100vw - 40px); }
.fc-widget table.fc-table th, .fc-widget table.fc-table td { border: 1px solid #b0bec5;
  padding: 3px 8px; text-align: left; vertical-align: top; }
.fc-widget .fc-rational { border-bottom: 2px solid #1b5e20; }
.fc-widget mark.fc-irrational { background: #ffe0b2; color: #1a1a1a; border-bottom: 2px solid #e65100; }
.fc-widget h3, .fc-widget h4 { margin: 8px 0 4px; }
/* links are underlined, not told apart by colour alone (WCAG 1.4.1) */
.fc-widget a:link, .fc-widget a:visited { text-decoration: underline; color: #0b57d0; }
/* phone width: labels above their inputs, nothing wider than the screen */
@media (max-width: 600px) {
  .fc-widget .widget-inline-hbox:not(.fc-stacked) { flex-wrap: wrap; height: auto; }
  .fc-widget .widget-inline-hbox .widget-label { min-width: 0; width: auto !important; }
  .fc-widget input, .fc-widget textarea, .fc-widget select { min-width: 0; max-width: 100%;
    box-sizing: border-box; }
  /* the row's height is auto here: keep a dropdown as tall as on a desktop (a touch target,
     and room for the ring inside it) */
  .fc-widget .widget-dropdown > select { min-height: 32px; }
  .fc-widget .widget-inline-hbox .widget-input { flex: 1 1 100%; width: 100%; }
  /* full width without ipywidgets' side margins, which made each field 4px wider than the
     worksheet: its right edge was cut off and the worksheet could scroll sideways */
  .fc-widget .widget-text, .fc-widget .widget-textarea, .fc-widget .widget-dropdown {
    width: 100% !important; max-width: 100%; margin-left: 0; margin-right: 0; }
  .fc-widget .fc-meter-track { width: 140px; }
}
.fc-widget .fc-sr-only { position: absolute; left: -10000px; width: 1px; height: 1px;
  overflow: hidden; }
"""


def nbgrader_running() -> bool:
    """True while nbgrader executes a notebook: widgets then build but never save or wait."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def live(widget: Any) -> Any:
    """Mark an HTML widget as a feedback region: the course template makes it `aria-live`
    (its outer element stays while its content changes, so each update is read out once)."""
    widget.add_class("fc-live")
    return widget


def focus_target(widget: Any) -> Any:
    """Let an HTML widget take focus from a script, not from Tab: the course template gives its
    content tabindex -1 (ipywidgets focuses the content, which has none). Set when the widget is
    built, so the page is ready before `focus_on` is ever called."""
    widget.add_class("fc-focus")
    return widget


def focus_on(widget: Any) -> None:
    """Move keyboard focus on purpose to `widget`: used when the focused control disappears
    (the end of a role-play or a meeting), so the learner lands on what replaced it."""
    widget.focus()


_PLAIN_LOOK: dict[str, Any] = {}


def plain_html(value: str = "") -> Any:
    """An HTML widget that shares one Layout and one style model with every other plain one on
    the page instead of making two of its own: each model is a message the kernel sends and a
    model the page builds before the widget shows. Only for HTML whose layout and style are never
    changed (its value and classes may change freely)."""
    import ipywidgets as w
    from ipywidgets.widgets.widget_string import HTMLStyle

    if _PLAIN_LOOK.get("layout") is None or _PLAIN_LOOK["layout"].comm is None:  # closed
        _PLAIN_LOOK.update(layout=w.Layout(), style=HTMLStyle())
    elif _PLAIN_LOOK["style"].comm is None:
        _PLAIN_LOOK["style"] = HTMLStyle()
    return w.HTML(value, layout=_PLAIN_LOOK["layout"], style=_PLAIN_LOOK["style"])


def css_widget() -> Any:
    import ipywidgets as w

    return w.HTML(f"<style>{COURSE_CSS}</style>", layout=w.Layout(height="0px", margin="0"))


def root(children: list, label: str) -> Any:
    """The outer box of a practice widget, with the course CSS and a heading for screen readers."""
    import ipywidgets as w

    box = w.VBox([css_widget(), *children], layout=w.Layout(width="100%"))
    box.add_class("fc-widget")
    box.add_class("fc-" + label)
    return box


def badge(text: str, tone: str) -> str:
    fg, bg = TONES.get(tone, TONES["neutral"])
    return (
        f'<span class="fc-badge" style="color:{fg};background:{bg};border:1px solid {fg}">'
        f"{escape(text)}</span>"
    )


def message_html(tone: str, body_html: str, role: str = "status") -> str:
    """A coloured note with a symbol. `body_html` must already be escaped."""
    fg, bg = TONES.get(tone, TONES["neutral"])
    mark = MARKS.get(tone, "•")
    return (
        f'<div class="fc-message fc-{tone}" role="{role}" style="border-left:4px solid {fg};'
        f'background:{bg};color:#1a1a1a;padding:6px 10px;margin:4px 0">'
        f'<strong style="color:{fg}" aria-hidden="true">{mark}</strong> {body_html}</div>'
    )


def meter_html(label: str, value: int, change: int | None = None, explain: str = "") -> str:
    """A labelled 0-100 meter; the value and the change are written out as text as well."""
    value = max(0, min(100, int(value)))
    colour = "#2e7d32" if value >= 60 else "#f9a825" if value >= 35 else "#c62828"
    moved = ""
    if change:
        arrow, word = ("▲", "up") if change > 0 else ("▼", "down")
        moved = f' <span aria-label="{word} {abs(change)}">{arrow} {abs(change)}</span>'
    title = f' title="{escape(explain)}"' if explain else ""
    return (
        f'<div class="fc-meter"{title}><strong>{escape(label)}</strong>'
        f'<span class="fc-meter-track" role="meter" aria-label="{escape(label)}" '
        f'aria-valuemin="0" aria-valuemax="100" aria-valuenow="{value}">'
        f'<span class="fc-meter-fill" style="display:block;width:{value}%;'
        f'background:{colour}"></span></span>{value}/100{moved}</div>'
    )


def figure_to_img(figure: Any, alt: str) -> str:
    """A matplotlib figure as an inline PNG with alt text (HTML widgets keep it testable and
    it shows in Voilà without an Output widget)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # a pyplot figure would otherwise also be drawn by the inline backend
        with contextlib.suppress(Exception):
            pyplot.close(figure)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}" style="max-width:100%">'


def quoted(text: str) -> str:
    """Escaped text in curly quotes, unless it already quotes a reply itself."""
    if any(mark in text for mark in ('"', "“")):
        return escape(text)
    return f"“{escape(text)}”"


def reply_feedback_html(feedback: Any) -> str:
    """HTML for roleplay.feedback.ReplyFeedback (graded notebooks and the role-play widget)."""
    from ..safety import crisis_banner_html

    parts = []
    if feedback.distress:
        parts.append(crisis_banner_html())
    if not feedback.coded:
        parts.append(message_html("todo", escape(feedback.message)))
        return '<div class="fc-widget">' + "".join(parts) + "</div>"
    tone = feedback.quality or "neutral"
    body = (
        f"<strong>Your reply:</strong> “{escape(feedback.reply)}” "
        f"{badge(feedback.label, tone)} {badge(QUALITY_WORDS.get(tone, tone), tone)}"
        f"<br>{escape(feedback.explanation)}"
    )
    if feedback.cue and feedback.cue not in feedback.explanation:
        body += f"<br><em>What the coder noticed:</em> {escape(feedback.cue)}"
    if feedback.better:
        body += f"<br><strong>A more MI-consistent option:</strong> {quoted(feedback.better)}"
    parts.append(message_html(tone, body))
    return '<div class="fc-widget">' + "".join(parts) + "</div>"
