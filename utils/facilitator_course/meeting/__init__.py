"""The meeting format (six elements, 90 minutes) and the whole-meeting simulator.

from facilitator_course.meeting import MEETING_ELEMENTS, load_meeting, MeetingSimulation
sim = MeetingSimulation(load_meeting("community-centre-evening"))
while not sim.finished:
    sim.choose(0)
sim.debrief().passed
"""

from .format import ELEMENT_KEYS, MEETING_ELEMENTS, MEETING_MINUTES, MeetingElement, element
from .ladder import ladder_line, meeting_ladder
from .model import EVENT_KINDS, SAFETY_KINDS, Meeting, MeetingChoice, MeetingEvent, Participant
from .schema import check_meeting_file, load_meeting, meeting_paths
from .simulator import Decision, ElementScore, MeetingDebrief, MeetingSimulation

__all__ = [
    "ELEMENT_KEYS",
    "EVENT_KINDS",
    "MEETING_ELEMENTS",
    "MEETING_MINUTES",
    "SAFETY_KINDS",
    "Decision",
    "ElementScore",
    "Meeting",
    "MeetingChoice",
    "MeetingDebrief",
    "MeetingElement",
    "MeetingEvent",
    "MeetingSimulation",
    "Participant",
    "check_meeting_file",
    "element",
    "ladder_line",
    "load_meeting",
    "meeting_ladder",
    "meeting_paths",
]
