"""What a reply that does harm is told: the label (advice without or with permission, or
confrontation), the words and the clause that decided it, and why it matters.

Split from `judge.py`, which decides *whether* a reply does harm; this module only words the
verdict, so that the precedence in `judge.py` reads on one screen.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .coder import CodedResponse, kind_of, named
from .features import ASKS_FOR_IDEAS, REFUSES_IDEAS, extract
from .harm import ADVICE, LABEL, HarmFinding
from .labels import CONFIDENCE_CEILING, LABEL_MEANINGS
from .permission import gives_permission
from .rewrite import rewrite_for
from .text import normalise

HARM_CONFIDENCE = 0.8

# A contradiction of the participant's own words is confrontation (kind CONTRADICT, code
# "confront"), named as what it is so the learner sees which words argued.
CONTRADICT = "contradict"
SEVERITY = {LABEL: 0, "confront": 1, CONTRADICT: 1, ADVICE: 2}


def context_asks(ctx: str | None) -> bool:
    said = normalise(ctx or "")
    return bool(ASKS_FOR_IDEAS.search(said)) and not REFUSES_IDEAS.search(said)


def harm_verdict(
    whole: CodedResponse, worst: HarmFinding, cleaned: str, ctx: str | None, several: bool
) -> CodedResponse:
    labeling = worst.kind == LABEL or whole.labeling
    if worst.kind == ADVICE:
        permission = gives_permission(cleaned)
        asked = context_asks(ctx)
        code = "persuade_with_permission" if permission or asked else "persuade"
    else:
        code, permission, asked = "confront", None, False
    # Harm the model found in a sentence names no words of its own: say so, not a cue of another
    # label ("it explains a fact").
    # the words as a learner would write them ("well done, throwing", not "well done , throwing")
    typed = re.sub(r" ([,.;:!?']|n't)", r"\1", worst.words)
    shown = f"('{typed}')" if worst.words else "(the sentence as a whole)"
    why = {
        LABEL: f"it applies an identity label {shown}",
        "confront": f"it argues with, blames or warns the person {shown}",
        CONTRADICT: f"it contradicts what the person just said {shown}",
        ADVICE: f"it tells the person what to do {shown}",
    }[worst.kind]
    if several:
        why = f"of one part: \u201c{worst.clause}\u201d: " + why
    if worst.kind == LABEL:  # the label itself is the reason; the generic meaning adds nothing
        text = f"This reads as {named(code)} because {why}."
    else:
        text = f"This reads as {named(code)} because {why}: {LABEL_MEANINGS[code]}."
    if code == "persuade_with_permission":
        text += (
            " The participant had asked for ideas."
            if asked
            else f" You handed the choice back ('{permission}')."
        )
    elif whole.code not in ("persuade", "confront", "persuade_with_permission") and several:
        text += (
            f" The rest of your reply reads as {named(whole.code)}, but advice, arguing or a "
            "label anywhere in a reply is what the participant hears."
        )
    if labeling:
        text += (
            " Labels can shame people and shut the conversation down, which is why SMART"
            " meetings avoid them."
        )
    ext = extract(cleaned, ctx)
    return replace(
        whole,
        code=code,
        confidence=round(min(HARM_CONFIDENCE, CONFIDENCE_CEILING[code]), 3),
        cue=why,
        explanation=text,
        labeling=labeling,
        labeling_phrase=worst.words if worst.kind == LABEL else whole.labeling_phrase,
        rewrite=rewrite_for(code, ext, ctx),
        question_type=None,
        kind=kind_of(code),
        alternative=None,
        decided_by=worst.clause,
    )
