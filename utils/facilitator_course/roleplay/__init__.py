"""Role-play practice: scenarios a trainer writes, and the engine that plays them.

Typical use in a notebook (the widgets wrap exactly these calls):

    from facilitator_course.roleplay import load_scenario, Conversation
    talk = Conversation(load_scenario("weekends-for-unwinding"))
    talk.choose(0)          # or talk.reply("It sounds like ...") in a free-text scenario
    talk.state, talk.transcript, talk.summary()

For graded answer cells use `feedback_on_reply(participant_line, reply)`.
"""

from .checker import check_scenario_file
from .conversation import Conversation, ConversationOver, Outcome, ReplyRejected
from .drill import CodingDrill, DrillResult, cohens_kappa, load_drill
from .feedback import (
    ReplyFeedback,
    check_reply_text,
    feedback_html,
    feedback_on_reply,
    summarize_replies,
)
from .loader import load_scenario, scenario_paths, shipped_scenarios
from .scenario import Choice, Node, Persona, Scenario
from .state import Effect, ParticipantState
from .transcript import Turn

__all__ = [
    "Choice",
    "CodingDrill",
    "Conversation",
    "ConversationOver",
    "DrillResult",
    "Effect",
    "Node",
    "Outcome",
    "ParticipantState",
    "Persona",
    "ReplyFeedback",
    "ReplyRejected",
    "Scenario",
    "Turn",
    "check_reply_text",
    "check_scenario_file",
    "cohens_kappa",
    "feedback_html",
    "feedback_on_reply",
    "load_drill",
    "load_scenario",
    "scenario_paths",
    "shipped_scenarios",
    "summarize_replies",
]
