"""What the group meeting engine says to the learner: endings, hints and the 'can't judge' note.

Kept apart from the engine so that the wording can be reviewed (and translated) in one place.
"""

from __future__ import annotations

from ..safety import ESCALATION_RULE

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

CONFLICTING = (
    "I can't judge this move. The coder reads its overall wording as {code}, but no words in it "
    "give advice, argue or label, and for the group it {moves}. Say it more plainly: what you "
    "notice or invite, without telling anyone what they must do."
)
