"""A decision list that codes a response the way the MITI manual's decision rules read.

The list is the coder's prior knowledge: the order of its checks is the coding precedence
(permission before advice, advice before question form, summary before reflection ...). Its vote
is one feature of the learned model, which can overrule it when other evidence is strong; it is
also what the coder falls back on if the model file cannot be loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from .features import Extracted


@dataclass(frozen=True)
class Vote:
    """The decision list's label and the cue (a key of Extracted.matches) that decided it."""

    label: str
    cue: str


def _has(ext: Extracted, *names: str) -> str | None:
    for name in names:
        if name in ext.matches:
            return name
    return None


def _last_start(ext: Extracted, *names: str) -> str | None:
    for name in names:
        if f"L:{name}" in ext.features:
            return name
    return None


def vote(ext: Extracted) -> Vote:
    """Apply the decision list to extracted cues."""
    f = ext.features
    n_words = ext.n_words
    is_question = ("end_q" in f and "decl_q" not in f) or _last_start(
        ext,
        "aux_q",
        "wh_what",
        "wh_how",
        "wh_why",
        "wh_closed",
        "tell_me",
        "curious",
        "can_you_tell",
        "neg_aux_q",
        "any_q",
    ) is not None
    advice = _has(ext, "you_should", "i_advise", "better_off") or (
        "imperative" if _has(ext, "imperative") else None
    )
    offer = _has(ext, "hedged_offer")

    if "filler_only" in f:
        return Vote("other", "filler_only")
    if _has(ext, "labeling") and _has(ext, "confront", "rhetorical"):
        return Vote("confront", "labeling")
    if _has(ext, "permission"):
        if offer or advice:
            return Vote("persuade_with_permission", "permission")
        return Vote("seeking_collaboration", "permission")
    if ext.disguised:
        if ext.context_asks or offer:
            return Vote("persuade_with_permission", "disguised")
        return Vote("persuade", "disguised")
    if _has(ext, "summary") and ("listy" in f or n_words > 15):
        return Vote("summary", "summary")
    if "listy" in f and _has(ext, "so_you", "you_start", "so_start") and n_words > 25:
        return Vote("summary", "listy")
    if cue := _has(ext, "confront", "rhetorical"):
        return Vote("confront", cue)
    if advice:
        if ext.context_asks or offer or _has(ext, "autonomy"):
            return Vote(
                "persuade_with_permission",
                offer or "ctx_asks" if ext.context_asks else offer or "autonomy",
            )
        return Vote("persuade", advice)
    if offer and (ext.context_asks or not is_question):
        return Vote("persuade_with_permission", offer)
    if _has(ext, "autonomy") and not is_question:
        return Vote("emphasizing_autonomy", "autonomy")
    if cue := _has(ext, "collab", "check_fit"):
        return Vote("seeking_collaboration", cue)
    if is_question:
        closed = _last_start(ext, "wh_closed", "aux_q", "neg_aux_q", "any_q")
        opened = _last_start(
            ext, "wh_what", "wh_how", "wh_why", "tell_me", "curious", "can_you_tell"
        )
        if closed and not (opened and closed == "aux_q" and _has(ext, "can_you_tell")):
            return Vote("question_closed", closed)
        if opened:
            return Vote("question_open", opened)
        return Vote("question_closed", "end_q")
    if cue := _has(ext, "tell_me", "curious"):
        return Vote("question_open", cue)
    if _has(ext, "affirm"):
        return Vote("affirm", "affirm")
    if cue := _has(ext, "greeting", "procedure", "lets"):
        return Vote("other", cue)
    if _has(ext, "info") and _has(ext, "third_person"):
        return Vote("giving_information", "info")
    if cue := _has(
        ext, "sounds_like", "double_sided", "metaphor", "values", "inference", "new_emotion"
    ):
        return Vote("reflection_complex", cue)
    if _has(ext, "you_start", "so_you") or "ovl:hi" in f or "ovl:mid" in f:
        return Vote("reflection_simple", _has(ext, "you_start", "so_you") or "echoes_words")
    if _has(ext, "third_person") or _has(ext, "info"):
        return Vote("giving_information", "info" if _has(ext, "info") else "third_person")
    if n_words <= 5:
        return Vote("other", "filler_only")
    return Vote("reflection_simple", "")


def model_features(ext: Extracted) -> tuple[Vote, dict[str, float]]:
    """The decision list's vote and the features the model scores: the cues plus that vote.

    Training and coding both build them here, so what the model learned from and what it is
    shown can never drift apart.
    """
    ruled = vote(ext)
    return ruled, {**ext.features, "rule:" + ruled.label: 1.0}
