"""What the group meeting engine says to the learner: endings, hints, incident and clock lines.

Kept apart from the engine so that the wording can be reviewed (and translated) in one place.
"""

from __future__ import annotations

from ..meeting.format import MEETING_MINUTES, element
from ..safety import ESCALATION_RULE
from .model import INCIDENT_KINDS, Incident
from .moves import GROUP_MOVES

BEST, COMPLETED, CUT_SHORT, UNSAFE = "best", "completed", "cut short", "unsafe"
ENDINGS = {
    BEST: "Everyone took part, every incident was handled well, each person left with a 7-day "
    "plan, and the meeting closed on time.",
    COMPLETED: "The meeting ran to its close, but not everything went as well as it could.",
    CUT_SHORT: "The meeting ran out of time before it was closed.",
    UNSAFE: "A disclosure was not acted on as the course's escalation rule requires.",
}
HINTS = {
    "dominator_and_silent": "thank the member who is talking at a pause, move on, and invite the "
    "quiet member by name, with an easy way to pass",
    "crosstalk": "ask warmly for comments to be held until working time and hand back the floor",
    "advice_giving": "say it sounds like advice and ask for the member's own experience instead",
    "twelve_step": "say that every path is respected here, without debating it",
    "intoxicated": "quietly welcome them to stay and listen, with sharing for another night",
    "disclosure": ESCALATION_RULE,
}

# A question about suicide asked in the circle: the escalation rule's question, in the wrong
# place. Said plainly, with words the recogniser takes as the private word (moves.py).
ASKED_PUBLICLY = (
    "asking directly is right, but you asked it in front of the group ('{words}'). That question "
    "belongs in a private word, offered now: “{who}, can we talk at the break, just the two of "
    "us?” Ask it there, and point to crisis help. Asked in the circle, it puts {who} on the spot "
    "in front of everyone."
)


def describe(incident: Incident) -> str:
    """The incident as feedback names it: "A member who gives advice (Sam)"."""
    return f"{INCIDENT_KINDS[incident.kind].capitalize()} ({incident.who})"


def need_words(need: str) -> str:
    """A need in plain words; "a|b" means either move handles that part."""
    return " or ".join(GROUP_MOVES[m] for m in need.split("|"))


def asked_publicly(incident: Incident, words: str) -> str:
    """The feedback on a question about suicide asked in the circle, naming the words used."""
    return f"{describe(incident)}: " + ASKED_PUBLICLY.format(words=words, who=incident.who)


CONFLICTING = (
    "I can't judge this move. The coder reads its overall wording as {code}, but no words in it "
    "give advice, argue or label, and for the group it {moves}. Say it more plainly: what you "
    "notice or invite, without telling anyone what they must do."
)


def time_note(clock: float, key: str, used: float) -> str:
    """The clock line after each move, with a nudge once the part is over its time."""
    budget = element(key)
    note = f"Clock: {clock:.0f} of {MEETING_MINUTES} minutes; {budget.name}: {used:.0f} "
    note += f"min used of {budget.budget}."
    if used > budget.max_minutes:
        note += " This part is over its time: move the meeting on."
    return note
