"""The ABC(DE) worksheet widget: irrational beliefs highlighted, the dispute classified, E checked."""

from __future__ import annotations

from typing import Any

from ..htmlsafe import escape
from ..worksheets.abc import ABCWorksheet, analyse_abc
from ..worksheets.base import WorksheetFeedback
from .worksheet_base import FieldSpec, WorksheetWidget


def highlight(text: str, spans: list[dict]) -> str:
    """Escape `text` and mark each belief span, its type named in words (colour is never the only
    signal): irrational parts in <mark>, rational ones underlined."""
    pieces, cursor = [], 0
    for span in sorted(
        (s for s in spans if s.get("start") is not None), key=lambda s: int(s["start"])
    ):
        start, end = int(span["start"]), int(span["end"])
        if start < cursor or end > len(text) or end <= start:
            continue
        kind = str(span.get("type") or "irrational belief").replace("_", " ")
        pieces.append(escape(text[cursor:start]))
        if span.get("irrational", True):
            pieces.append(
                f'<mark class="fc-irrational" title="{escape(kind)}">'
                f"{escape(text[start:end])}</mark> <small>[{escape(kind)}]</small>"
            )
        else:
            pieces.append(
                f'<span class="fc-rational" title="{escape(kind)}">'
                f"{escape(text[start:end])}</span> <small>[{escape(kind)}]</small>"
            )
        cursor = end
    pieces.append(escape(text[cursor:]))
    return "".join(pieces)


class ABCWidget(WorksheetWidget):
    """`ABCWidget()` for free practice, `ABCWidget(reference="abc-after-a-lapse")` for the
    exercise with a reference answer."""

    key = "abc"
    title = "ABC(DE) worksheet"
    # The boxes stay in the worksheet's A, B, C, D, E layout (the Module 2 lesson calls C "the
    # third box"); the intro and each label give the facilitator's order, which starts with C.
    intro = "Work on an upsetting moment. Fill the boxes in the facilitator's order:"
    steps = (
        "C: how you felt and what you did (the third box)",
        "A: what happened",
        "B: what you were telling yourself",
        "D: dispute the beliefs in B",
        "E: write a more helpful belief",
    )
    fields = (
        FieldSpec("a", "A: Activating event (step 2)", "What happened? The most upsetting part."),
        FieldSpec(
            "b",
            "B: Beliefs (step 3)",
            "What were you telling yourself? What were you demanding?",
        ),
        FieldSpec(
            "c",
            "C: Consequences (step 1: start here)",
            "How did you feel (0-10)? What did you do or want to do?",
        ),
        FieldSpec(
            "d", "D: Dispute (step 4)", "Question each belief: evidence? logic? does it help?"
        ),
        FieldSpec("e", "E: Effective new belief (step 5)", "A more flexible belief to replace B"),
    )

    def analyse(self, values: dict[str, Any]) -> WorksheetFeedback:
        return analyse_abc(ABCWorksheet.from_fields(values))

    def extra_html(self, values: dict[str, Any], feedback: WorksheetFeedback) -> str:
        html = ""
        b_spans = feedback.details.get("b_spans") or []
        if values.get("b") and b_spans:
            html += (
                "<h4>Beliefs in B (irrational parts highlighted)</h4><p>"
                + highlight(values["b"], b_spans)
                + "</p>"
            )
        e_spans = feedback.details.get("e_spans") or []
        if values.get("e") and e_spans:
            title = (
                "Your new belief in E (rational parts underlined)"
                if feedback.details.get("e_rational")
                else "Your new belief in E (still irrational parts highlighted)"
            )
            html += f"<h4>{title}</h4><p>" + highlight(values["e"], e_spans) + "</p>"
        if feedback.details.get("dispute"):
            html += (
                "<p><strong>Your dispute in D:</strong> "
                + escape(feedback.details["dispute"])
                + "</p>"
            )
        return html
