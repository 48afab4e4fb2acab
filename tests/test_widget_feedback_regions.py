"""Feedback in words and regions a screen reader follows (the browser side, aria-live and the
moved focus, is checked in test_home_journey_browser.py and test_accessibility.py)."""

from __future__ import annotations

from facilitator_course.meeting.schema import load_meeting, meeting_paths
from facilitator_course.meeting.simulator import MeetingSimulation
from facilitator_course.roleplay.conversation import best_choice
from facilitator_course.roleplay.loader import load_scenario
from facilitator_course.widgets.meeting import MeetingSimulator
from facilitator_course.widgets.roleplay import RolePlay


def test_role_play_feedback_says_its_verdict_in_words():
    scenario = load_scenario("weekends-for-unwinding")
    play = RolePlay(scenario, save_progress=False)
    node = scenario.node(scenario.start)
    worst = next(c for c in node.choices if c.code == "confront")
    play.choices.value = node.choices.index(worst)
    play.submit()
    assert "<strong>Try another way.</strong>" in play.feedback.value
    play.restart()
    play.choices.value = node.choices.index(best_choice(node))
    play.submit()
    assert "<strong>Good reply.</strong>" in play.feedback.value
    # updated in place (a live region), and the debrief can take the focus when the end comes
    assert "fc-live" in play.feedback._dom_classes
    assert {"fc-live", "fc-focus"} <= set(play.ending._dom_classes)


def test_meeting_debrief_is_a_live_region_that_can_take_the_focus():
    meeting = load_meeting(meeting_paths()[0])
    widget = MeetingSimulator(MeetingSimulation(meeting), save_progress=False)
    assert {"fc-live", "fc-focus"} <= set(widget.debrief._dom_classes)
    assert "fc-live" in widget.feedback._dom_classes
