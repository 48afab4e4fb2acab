"""The course's behaviour codes, their plain-language names and the MITI proficiency thresholds.

Everything that other modules (the coder, the session summary, widgets, notebooks) need to agree on
is defined once here, so that a threshold or a label name is never spelled two ways.

Coding rules the labelled data follows (see also data/coding/README.md):

* One label per response. Precedence: asking permission or inviting the participant to co-decide is
  `seeking_collaboration`; pulling together three or more things the participant said is
  `summary`; otherwise the response's main function.
* A reflection or affirmation followed by a question is coded as the question (that is what the
  participant answers); advice or confrontation followed by a question stays advice or
  confrontation (the question does not undo it).
* "Have you tried X?" and similar suggestions in question form are `persuade` (with the
  `disguised_advice` flag), unless the participant asked for ideas, which makes them
  `persuade_with_permission`.
* Praise of an outcome ("Thirty days, congratulations!") is still coded `affirm`; the feedback
  points out that affirming effort and strengths holds up better when a lapse comes.
"""

from __future__ import annotations

from dataclasses import dataclass

LABELS: tuple[str, ...] = (
    "question_open",
    "question_closed",
    "reflection_simple",
    "reflection_complex",
    "summary",
    "affirm",
    "giving_information",
    "persuade",
    "persuade_with_permission",
    "seeking_collaboration",
    "emphasizing_autonomy",
    "confront",
    "other",
)

LABEL_NAMES: dict[str, str] = {
    "question_open": "open question",
    "question_closed": "closed question",
    "reflection_simple": "simple reflection",
    "reflection_complex": "complex reflection",
    "summary": "summary",
    "affirm": "affirmation",
    "giving_information": "giving information",
    "persuade": "advice without permission",
    "persuade_with_permission": "advice with permission",
    "seeking_collaboration": "seeking collaboration",
    "emphasizing_autonomy": "emphasizing autonomy",
    "confront": "confrontation",
    "other": "other (greeting, procedure, sympathy or filler)",
}

# What each code means, in the words a learner sees.
LABEL_MEANINGS: dict[str, str] = {
    "question_open": "it invites the person to say more in their own words",
    "question_closed": "it can be answered with yes/no, a choice or a short fact",
    "reflection_simple": "it gives back what the person said, with little added",
    "reflection_complex": "it adds meaning the person only hinted at (a feeling, both sides, a "
    "value or a metaphor)",
    "summary": "it gathers several things the person said into one statement",
    "affirm": "it recognises a genuine strength, effort or value of the person",
    "giving_information": "it offers neutral facts or explains something, without pushing",
    "persuade": "it tells or nudges the person towards what to do without being asked",
    "persuade_with_permission": "it offers an idea after being asked, or with a clear 'it's up to "
    "you'",
    "seeking_collaboration": "it asks permission or invites the person to decide together",
    "emphasizing_autonomy": "it says that the choice and control are the person's",
    "confront": "it argues, corrects, warns, blames, shames or labels",
    "other": "it runs the meeting (greetings, timing, turn-taking) or is filler",
}

QUESTIONS: frozenset[str] = frozenset({"question_open", "question_closed"})
# MITI 4.2.1 codes a summary as a simple or complex reflection; a summary links several statements,
# which adds meaning, so the course counts it as a complex reflection.
REFLECTIONS: frozenset[str] = frozenset({"reflection_simple", "reflection_complex", "summary"})
COMPLEX_REFLECTIONS: frozenset[str] = frozenset({"reflection_complex", "summary"})
MI_ADHERENT: frozenset[str] = frozenset({"affirm", "seeking_collaboration", "emphasizing_autonomy"})
MI_NON_ADHERENT: frozenset[str] = frozenset({"confront", "persuade"})

# The upper limit on the confidence the coder may report for a label. Trained human coders agree
# well on questions and on "other" but only moderately on simple vs complex reflection (Fleiss
# kappa about 0.50) and on the persuade/seek/autonomy family, so software must not sound surer.
CONFIDENCE_CEILING: dict[str, float] = {
    "question_open": 0.92,
    "question_closed": 0.92,
    "reflection_simple": 0.75,
    "reflection_complex": 0.75,
    "summary": 0.85,
    "affirm": 0.85,
    "giving_information": 0.85,
    "persuade": 0.88,
    "persuade_with_permission": 0.8,
    "seeking_collaboration": 0.82,
    "emphasizing_autonomy": 0.85,
    "confront": 0.88,
    "other": 0.92,
}
# Below this, feedback is worded as a guess ("this looks like ... because ...").
LOW_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Threshold:
    """A proficiency threshold: at or above `fair` is fair, at or above `good` is good."""

    metric: str
    name: str
    fair: float
    good: float
    source: str
    unit: str = ""


# MITI 4.2.1 (Moyers, Manuel & Ernst, 2015) for R:Q and %CR; MITI 3.1.1 for %open questions and
# %MI-adherent, which MITI 4 no longer scores. All are expert opinion, not norms.
THRESHOLDS: dict[str, Threshold] = {
    "reflection_to_question": Threshold(
        "reflection_to_question", "reflections per question", 1.0, 2.0, "MITI 4.2.1", ":1"
    ),
    "percent_complex_reflections": Threshold(
        "percent_complex_reflections", "% complex reflections", 40.0, 50.0, "MITI 4.2.1", "%"
    ),
    "percent_open_questions": Threshold(
        "percent_open_questions", "% open questions", 50.0, 70.0, "MITI 3.1.1", "%"
    ),
    "percent_mi_adherent": Threshold(
        "percent_mi_adherent", "% MI-adherent", 90.0, 100.0, "MITI 3.1.1", "%"
    ),
}

LEVELS: tuple[str, str, str] = ("below fair", "fair", "good")


def level_for(metric: str, value: float | None) -> str:
    """'below fair', 'fair' or 'good' for a metric value; a missing value is 'below fair'."""
    threshold = THRESHOLDS[metric]
    if value is None:
        return "below fair"
    if value >= threshold.good:
        return "good"
    if value >= threshold.fair:
        return "fair"
    return "below fair"
