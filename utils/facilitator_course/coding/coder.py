"""Coding one facilitator response: the decision list and the learned model, combined.

The decision list (`rules.vote`) encodes the MITI decision rules; its vote is one feature of the
linear model (`model.json`, trained by `train.py` with that same feature), so the model follows the
rules where the cues are clear and overrules them where other evidence is strong. If the model file
cannot be loaded, the coder falls back on the rules alone with a modest confidence, so feedback
never disappears because of a damaged file.

Confidence is the model's probability, capped at what trained human coders reach for that label
(`labels.CONFIDENCE_CEILING`): software must never sound surer than a person would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .cues import CUE_HINTS
from .features import Extracted, extract
from .labels import (
    CONFIDENCE_CEILING,
    LABEL_MEANINGS,
    LABEL_NAMES,
    LABELS,
    LOW_CONFIDENCE,
    QUESTIONS,
    REFLECTIONS,
)
from .model import LinearModel, ModelError, load_model
from .rewrite import rewrite_for
from .rules import model_features

# Confidence reported when only the decision list is available (no model file).
RULES_ONLY_CONFIDENCE = 0.5


@dataclass(frozen=True)
class CodedResponse:
    """How a trained coder would most likely label one facilitator response, and why.

    `code` is one of LABELS; `confidence` is in 0..1 and never above the human ceiling for that
    label; `cue` names what decided it; `explanation` is learner-facing text; `rewrite` is offered
    for persuade and confront; `error` is set (with code "other", confidence 0) when the input
    could not be coded at all.
    """

    code: str
    confidence: float
    cue: str
    explanation: str
    labeling: bool = False
    disguised_advice: bool = False
    rewrite: str | None = None
    error: str | None = None
    question_type: str | None = None  # "open" / "closed" for questions, else None
    kind: str = "other"  # "question", "reflection" or "other": the level coders agree on best
    alternative: str | None = None  # the runner-up label when confidence is low
    labeling_phrase: str | None = None
    disguised_phrase: str | None = None
    truncated: bool = False
    # Set by `judge.code_response`: whether the reply could be judged at all and, if not, why
    # (a readable.* reason); which sentence or clause decided the label; each sentence's label.
    judged: bool = True
    reason: str | None = None
    decided_by: str | None = None
    sentences: tuple[tuple[str, str], ...] = ()
    probability: float = 0.0  # the model's own probability, before the human ceiling
    kind_probability: float = 0.0  # the model's probability for the label's kind (question...)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (what the `code` command writes)."""
        return {
            "judged": self.judged,
            "reason": self.reason,
            "decided_by": self.decided_by,
            "code": self.code,
            "confidence": self.confidence,
            "cue": self.cue,
            "explanation": self.explanation,
            "labeling": self.labeling,
            "disguised_advice": self.disguised_advice,
            "rewrite": self.rewrite,
            "question_type": self.question_type,
            "kind": self.kind,
            "error": self.error,
            "sentences": [{"text": t, "code": c} for t, c in self.sentences],
        }


def kind_of(code: str) -> str:
    """'question', 'reflection' or 'other': the coarse level at which coders agree well."""
    if code in QUESTIONS:
        return "question"
    if code in REFLECTIONS:
        return "reflection"
    return "other"


@lru_cache(maxsize=1)
def _model() -> LinearModel | None:
    try:
        return load_model()
    except ModelError:
        return None


def _failed(error: str) -> CodedResponse:
    return CodedResponse(
        code="other",
        confidence=0.0,
        cue="nothing to code",
        explanation=f"This could not be coded: {error}.",
        error=error,
    )


def _describe(ext: Extracted, cue: str) -> str:
    """A cue name turned into the words a learner sees, with what it matched."""
    hint = CUE_HINTS.get(cue)
    match = ext.matches.get(cue, "")
    if cue == "labeling":
        return f"it applies an identity label ('{match}')"
    if cue == "disguised":
        return f"it is a suggestion phrased as a question ('{match}')"
    if hint:
        hint = hint.replace("{m}", match)
        return ("it is " if hint.startswith(("a ", "an ")) else "it ") + hint
    if cue == "ctx_asks":
        return match
    if cue == "echoes_words":
        return "it says back words the person used"
    if hint and "{m}" in hint and not match:
        return "of its overall wording"  # a cue that matched nothing quotable says nothing
    if match:  # cues without a hint carry a sentence ("ends with a question mark")
        return "it " + match
    return "of its overall wording"


def _model_cue(
    model: LinearModel, ext: Extracted, feats: dict[str, float], label: str, runner_up: str | None
) -> str | None:
    """The named cue that pushed most towards `label` (rather than the runner-up)."""
    for weight, name in model.contributions(feats, label, runner_up):
        if weight <= 0:
            break
        cue = name.split(":", 1)[1] if name[:2] in ("F:", "L:", "C:") else name
        if cue in ext.matches:
            return cue
    return None


def named(code: str) -> str:
    """The label's name with the article English wants ("an open question", "advice ...")."""
    name = LABEL_NAMES[code]
    if name.startswith(("advice", "giving", "other", "emphasizing", "seeking")):
        return name
    return ("an " if name[0] in "aeiou" else "a ") + name


def _explain(code: str, confidence: float, reason: str, alternative: str | None) -> str:
    if confidence < LOW_CONFIDENCE:
        text = f"This looks like {named(code)} because {reason}, but I am not sure"
        if alternative:
            text += f": a trained coder might also read it as {named(alternative)}"
        return text + "."
    return f"This reads as {named(code)} because {reason}: {LABEL_MEANINGS[code]}."


def _extras(code: str, ext: Extracted) -> str:
    notes = []
    if ext.labeling:
        notes.append(
            f" It also applies an identity label ('{ext.labeling}'); describe the behaviour, not "
            "the person."
        )
    if ext.disguised and code != "persuade":
        notes.append(f" '{ext.disguised}' is a suggestion phrased as a question.")
    return "".join(notes)


def code_utterance(cleaned: str, ctx: str | None, truncated: bool = False) -> CodedResponse:
    """Label one cleaned utterance as a whole with the decision list and the model.

    `code_response` (judge.py) is what callers use: it adds the checks for replies that cannot
    be judged and lets harm in any clause overrule this whole-reply label.
    """
    ext = extract(cleaned, ctx or None)
    if not any(ch.isalnum() for ch in ext.norm):
        return CodedResponse(
            code="other",
            confidence=0.3,
            cue="no words the coder can read",
            explanation="This looks like 'other' because it has no English words the coder can "
            "read (only symbols, emoji or another script), but I am not sure.",
            truncated=truncated,
        )
    ruled, feats = model_features(ext)
    model = _model()
    alternative: str | None = None
    if model is None:
        code, probability, cue = ruled.label, RULES_ONLY_CONFIDENCE, ruled.cue
        kind_probability = RULES_ONLY_CONFIDENCE
    else:
        probs = model.probabilities(feats)
        ranked = sorted(range(len(LABELS)), key=probs.__getitem__, reverse=True)
        code, probability = LABELS[ranked[0]], probs[ranked[0]]
        kind_probability = sum(
            p for label, p in zip(LABELS, probs, strict=True) if kind_of(label) == kind_of(code)
        )
        alternative = LABELS[ranked[1]]
        if code == ruled.label:
            cue = ruled.cue
        else:
            cue = _model_cue(model, ext, feats, code, alternative) or ""
    if ext.disguised and code in ("persuade", "question_closed", "question_open"):
        # Coding rule (labels.py): a suggestion in question form is advice, not a question; it
        # is advice with permission when the participant had asked for ideas.
        code = "persuade_with_permission" if ext.context_asks else "persuade"
        cue = "ctx_asks" if ext.context_asks else "disguised"
        probability = max(probability, RULES_ONLY_CONFIDENCE)
    if alternative == code:  # the rule above moved the label onto the model's runner-up
        alternative = None
    confidence = round(min(probability, CONFIDENCE_CEILING[code]), 3)
    reason = _describe(ext, cue) if cue else "of its overall wording"
    explanation = _explain(code, confidence, reason, alternative) + _extras(code, ext)
    return CodedResponse(
        code=code,
        confidence=confidence,
        cue=reason,
        explanation=explanation,
        labeling=ext.labeling is not None,
        disguised_advice=ext.disguised is not None,
        rewrite=rewrite_for(code, ext, ctx),
        question_type=("open" if code == "question_open" else "closed")
        if code in QUESTIONS
        else None,
        kind=kind_of(code),
        alternative=alternative if confidence < LOW_CONFIDENCE else None,
        labeling_phrase=ext.labeling,
        disguised_phrase=ext.disguised,
        truncated=truncated,
        probability=round(probability, 3),
        kind_probability=round(kind_probability, 3),
    )
