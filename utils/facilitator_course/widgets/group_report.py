"""The capstone report as HTML, and the check the graded exercise runs.

`report_html` shows a `CapstoneResult` (group/scoring.py) the way a trainer would explain it:
the verdict and its reasons first, then the fidelity checklist, the competency levels and the MI
profile, each with its source. `check_capstone` is what the exercise's locked cell calls: it
reads the transcript of typed moves beside the notebook and scores it with the engine installed
where it runs. When nbgrader autogrades, that is the trainer's installation, so the score never
comes from the learner's kernel.
"""

from __future__ import annotations

from pathlib import Path

from ..answers import AnswerNotAccepted, grading
from ..group.scoring import BLOCKED, FULLY, HARMFUL, PASS, CapstoneResult
from ..group.transcript import TRANSCRIPT_NAME, TranscriptError, rejudge
from ..htmlsafe import escape
from .style import message_html

STATUS_WORDS = {
    PASS: ("good", "Passed: this meeting meets the course's capstone criteria."),
    "not yet": ("mixed", "Not yet: see what to work on below, then run the meeting again."),
    BLOCKED: ("unsafe", "Blocked: something in this meeting was potentially harmful."),
}
LEVEL_TONES = {FULLY: "good", "partly": "mixed", "not yet shown": "weak", HARMFUL: "unsafe"}
NOT_AUTHORISED = (
    "Passing the capstone counts towards this course's certificate, which does not authorise "
    "anyone to run SMART Recovery meetings: that needs SMART Recovery's own facilitator "
    "training and registration."
)


def _value(value: object) -> str:
    return "–" if value is None else escape(value)


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>" if items else ""


def report_html(result: CapstoneResult, level: int = 4) -> str:
    """The report; its section headings are h`level`: h4 inside the meeting widget (under its
    h3 title), h3 in the exercise (under the h2 of the cell that runs `check_capstone`)."""
    h = f"h{level}"
    tone, headline = STATUS_WORDS[result.status]
    parts = [message_html(tone, f"<strong>{escape(headline)}</strong>" + _list(list(result.reasons)),
                          role="status")]  # fmt: skip
    if result.for_trainer:
        parts.append(message_html("todo", "<strong>For your trainer to check:</strong>"
                                  + _list(list(result.for_trainer))))  # fmt: skip
    parts.append(
        f"<p>Ending: <strong>{escape(result.ending)}</strong>. You typed {result.moves_typed} "
        f"moves; {result.moves_judged} could be judged.</p>"
    )
    rows = "".join(
        f"<tr><td>{escape(i.block)}</td><td>{escape(i.item)}</td>"
        f"<td>{'✔ met' if i.met else '✘ not met'}</td></tr>"
        for i in result.checklist
    )
    parts.append(
        f"<{h}>Meeting fidelity: {result.fidelity:g} % of items met</{h}>"
        '<table class="fc-table"><caption>Fidelity checklist (opening, check-in, discussion, '
        "check-out)</caption><thead><tr><th scope='col'>Block</th><th scope='col'>Item</th>"
        f"<th scope='col'>Result</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<p><small>Source: {escape(result.sources['fidelity'])}. Real groups observed in that "
        "study met 44-55 % of the items.</small></p>"
    )
    levels = "".join(
        f"<tr><td>{escape(c.name)}</td><td>{message_html(LEVEL_TONES[c.level], escape(c.level))}"
        f"</td><td>{_list(list(c.reasons))}</td></tr>"
        for c in result.competencies
    )
    parts.append(
        f"<{h}>Facilitator competencies</{h}>"
        '<table class="fc-table"><caption>Competency levels (any "potentially harmful" blocks '
        "certification)</caption><thead><tr><th scope='col'>Competency</th><th scope='col'>"
        f"Level</th><th scope='col'>What to work on</th></tr></thead><tbody>{levels}</tbody>"
        f"</table><p><small>Source: {escape(result.sources['competencies'])}.</small></p>"
    )
    p = result.profile
    parts.append(
        f"<{h}>MI profile over the whole meeting: {escape(result.profile_level)}</{h}><p>"
        f"Reflections per question (R:Q): {_value(p.reflection_to_question)}; complex "
        f"reflections: {_value(p.percent_complex_reflections)} %; open questions: "
        f"{_value(p.percent_open_questions)} %; MI-adherent: {_value(p.percent_mi_adherent)} %; "
        f"advice without permission or confrontation: {p.mi_non_adherent}; labels: "
        f"{p.labeling}.</p><p><small>Source: {escape(result.sources['profile'])}.</small></p>"
    )
    parts.append(f"<p><small>{escape(NOT_AUTHORISED)}</small></p>")
    return '<div class="fc-capstone-report">' + "".join(parts) + "</div>"


def check_capstone(path: str | Path = TRANSCRIPT_NAME, require_pass: bool = False) -> str:
    """Score the transcript beside the notebook; show the report; return the status.

    With `require_pass` (the hidden test), anything but a pass raises AnswerNotAccepted (an
    AssertionError) with the reasons, so the graded cell earns its points only for a passing
    meeting. While nbgrader runs, a missing transcript fails the visible check too.
    """
    from IPython.display import HTML, display

    try:
        result = rejudge(path)
    except TranscriptError as exc:
        display(HTML(message_html("todo", escape(f"No capstone meeting to score yet: {exc}. Run "
                                                 "the meeting above first."))))  # fmt: skip
        if require_pass or grading():  # nothing to score is a failed check for nbgrader
            raise AnswerNotAccepted(f"No capstone meeting to score: {exc}") from None
        return "missing"
    display(HTML(report_html(result, level=3)))
    if require_pass and result.status != PASS:
        raise AnswerNotAccepted(f"Capstone {result.status}: " + "; ".join(result.reasons))
    return result.status
