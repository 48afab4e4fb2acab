"""Hedges and wondering frames that soften a move without changing it.

"Correct me if I'm wrong, but it's you at home at six, not him?" is a reflection; "I wonder
whether it's less about the porn and more about getting some quiet" is a complex reflection;
"I'm curious what it is about the machines..." is an open question. The model, trained mostly on
plain wording, reads the frame instead of the move ("I wonder" as a question, "correct me" as
asking permission). The judgement codes what is inside the frame; the whole reply is still
checked for harm, so a hedge never excuses advice or arguing ("I might be wrong, but you're in
denial" stays confrontation).

Invitations keep their frame: "I wonder if we could look at it together" and "I wonder if you'd
like to..." ask, and that asking is the move.
"""

from __future__ import annotations

import re

from .text import normalise

_HEDGE = re.compile(
    r"^(?:(?:so|okay|ok|well|right|and)(?: ,)? )*(?:(?:correct|stop) me if [^,:;]{0,50}"
    r"(?: ,| :| ;) ?(?:but )?|i (?:might|may|could) (?:be wrong|have (?:missed|misheard|got)"
    r" [^,]{0,30})(?: (?:on|about) [^,]{0,30})?(?: ,)? (?:but )?|i am not (?:an expert|sure"
    r" about this)(?: ,)?(?: so [^,]{0,30})?(?: ,)? but |if i (?:have|am) (?:got|getting|heard"
    r"|understood|read) (?:it|this|you|that) (?:right|correctly)(?: ,)? )"
)
_TRAILING_HEDGE = re.compile(
    r"(?: ,)? (?:if i (?:have|am) (?:got|getting|heard|understood|read) (?:it|this|you|that)"
    r" (?:right|correctly)|correct me if i am wrong|if that makes sense) (?=[.?!]?$)"
)
_WONDER = re.compile(
    r"^(?:(?:so|and|okay|well|hmm)(?: ,)? )*i (?:wonder|am wondering|was wondering|am curious"
    r"|would be (?:curious|interested)(?: to (?:know|hear|understand))?|would (?:like|love) to"
    r" (?:know|hear|understand)|am interested (?:to (?:know|hear)|in))(?: ,)? (?:whether |if )?"
)
# What follows a wondering frame when the frame itself asks: an invitation, not a statement.
_INVITES = re.compile(
    r"^(?:we |you would |you might |you might like |you would like |i could |i might |it might"
    r" be (?:okay|all right|good|a good|worth)|it would be (?:okay|all right)|this might be a"
    r" good|anyone|someone|now might|(?:it|that) might help|yours\b|your (?:thoughts|ideas|view"
    r"|views|take|own view))"
)


# Inside "I wonder whether...", what makes the statement a reflection of meaning rather than a
# yes/no question put politely ("I'm curious whether your doctor knows").
_MEANING = re.compile(
    r"\b(?:really|less|more|mostly|partly|all) about\b|\bwhat you are (?:saying|describing)\b"
    r"|\bpart of you\b|\bsounds? like\b|\bit is about\b|\b(?:feel|feels|felt|feeling)\b"
)


# A fact or someone else's view checked ("you have ever told Mia", "your doctor knows", "Amy
# thinks", "the kids get any of it"), not a meaning offered.
_FACT_CHECK = re.compile(
    r"^(?:you (?:have )?ever\b|you have (?:told|talked|spoken|asked|tried|seen|been)\b"
    r"|(?:the |your |his |her )?(?!it\b|this\b|that\b|there\b)\w+ (?:knows?|has|have|thinks?"
    r"|gets?|got|did|does|saw|sees|noticed|minds?)\b)"
)


def asks_yes_or_no(text: str) -> bool:
    """True when `text` wonders whether a fact is so or how someone else sees it ("I'm curious
    whether your doctor knows...") without offering a meaning: a closed question put politely."""
    unhedged = _HEDGE.sub("", normalise(text), count=1)
    wonder = _WONDER.match(unhedged)
    if not wonder or not wonder.group(0).rstrip().endswith(("whether", "if")):
        return False
    rest = unhedged[wonder.end() :]
    return bool(_FACT_CHECK.match(rest)) and not _MEANING.search(rest)


# Apologies and nerves before the move ("Sorry, I know this is awkward, sorry - what made you
# decide to come tonight?"): the question after them is what the participant answers.
_APOLOGY = re.compile(
    r"^(?:(?:oh|ah|so|and|right|um)(?: ,)? )*(?:(?:sorry|apologies|i am (?:so |really |very )?"
    r"sorry)(?: if (?:this|that|it) is (?:awkward|a (?:daft|silly|stupid|strange) question|too"
    r" personal|hard|not (?:right|quite right)|wrong)(?: ,)?(?: but)?| if i (?:have|get|got) (?:this"
    r"|it|that) wrong(?: ,)?(?: but)?| to (?:ask|interrupt|jump in|butt in|cut in))?|i am (?:new"
    r" at this|rubbish at this|not great at"
    r" this)|i know this is (?:awkward|hard|a lot)|i mean , it is not awkward|(?:and )?(?:please )?"
    r"say if (?:it is|this is) too personal|can i just say|just to say|i just want(?:ed)? to say"
    r"|i should have said (?:this )?at the start|forgive me(?: if i (?:get|got) (?:it|this) wrong)?)"
    r" ?(?:,|-|\.)? "
)


def _without_apologies(norm: str) -> str:
    rest = norm
    while (found := _APOLOGY.match(rest)) and found.end() < len(rest):
        rest = rest[found.end() :]
    return rest


def core_of(text: str) -> str | None:
    """The move inside a hedge or a wondering frame, as normalised text; None when there is no
    such frame, or when the frame itself is the move (an invitation)."""
    norm = normalise(text)
    core = _TRAILING_HEDGE.sub("", _HEDGE.sub("", _without_apologies(norm), count=1)).strip(" ,")
    wonder = _WONDER.match(core)
    if wonder:
        rest = core[wonder.end() :].strip(" ,")
        if _INVITES.match(rest):
            return None
        core = rest
    if core == norm or sum(w.isalnum() for w in core.split()) < 3:
        return None
    return core
