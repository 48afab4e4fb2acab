"""Bad input never breaks a group meeting: odd moves, a damaged saved transcript, a meeting that
runs out of time. The learner gets a plain message and nothing they typed is lost."""

from __future__ import annotations

import os

from capstone_scripts import SKILLED
from facilitator_course.group.engine import CUT_SHORT, OVERRUN_MINUTES, GroupSession
from facilitator_course.group.schema import load_group_meeting
from facilitator_course.group.scoring import NOT_YET, score_session
from facilitator_course.group.transcript import TRANSCRIPT_NAME
from facilitator_course.meeting.format import MEETING_MINUTES
from facilitator_course.widgets.group_meeting import GroupMeetingView

MEETING = load_group_meeting("capstone-thursday-evening")


def test_odd_moves_are_refused_plainly_and_change_nothing():
    session = GroupSession(MEETING)
    for odd in (None, "", "   ", 42, "x" * 100_000, "<script>alert(1)</script>"):
        record = session.play(odd)
        assert not record.judged or record.text == "<script>alert(1)</script>"
        assert record.feedback and "Traceback" not in " ".join(record.feedback)
    assert all(len(r.text) <= 2000 for r in session.records)


def test_a_meeting_that_runs_out_of_time_is_cut_short():
    session = GroupSession(MEETING)
    session.play(SKILLED[0])
    while not session.finished:
        session.play("How has your week been since the last meeting?")
    assert session.clock > MEETING_MINUTES + OVERRUN_MINUTES
    assert session.ending() == CUT_SHORT
    result = score_session(session)
    assert result.status == NOT_YET and any("not closed" in r for r in result.reasons)
    assert not session.play("Let's move on to check-out.").judged  # nothing after the end


def test_a_damaged_saved_meeting_is_reported_and_a_new_one_starts(tmp_path):
    path = tmp_path / TRANSCRIPT_NAME
    path.write_text("{ this is not json", encoding="utf-8")
    view = GroupMeetingView(MEETING, transcript=path)
    assert "could not be read" in view.feedback.value
    assert view.session.records == []
    view.text.value = SKILLED[0]
    view.say.click()
    assert view.moves == [SKILLED[0]]
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"


def test_a_saved_meeting_resumes_where_it_stopped(tmp_path):
    path = tmp_path / TRANSCRIPT_NAME
    first = GroupMeetingView(MEETING, transcript=path)
    for move in SKILLED[:6]:
        first.text.value = move
        first.say.click()
    again = GroupMeetingView(MEETING, transcript=path)
    assert again.moves == SKILLED[:6]
    assert again.session.clock == first.session.clock
    assert "continues after 6 moves" in again.feedback.value


def test_an_unjudged_move_stays_in_the_box_to_be_reworded(tmp_path):
    view = GroupMeetingView(MEETING, transcript=tmp_path / TRANSCRIPT_NAME)
    view.text.value = "asdf qwer zxcv"
    view.say.click()
    assert view.text.value == "asdf qwer zxcv"
    assert "can&#x27;t judge" in view.feedback.value or "can't judge" in view.feedback.value


def test_any_order_of_moves_plays_without_an_error():
    """Moves from every script, the harmful ones included, in a shuffled order (fixed seed):
    the engine and the scoring never raise, whatever a volunteer types when."""
    import random

    from capstone_scripts import HARMFUL, WEAK

    pool = SKILLED + WEAK + HARMFUL + ["asdf", "Priya?", "Let's move on to check-out.", "Close."]
    rng = random.Random(14)
    for _ in range(12):
        session = GroupSession(MEETING)
        for move in rng.choices(pool, k=45):
            session.play(move)
        result = score_session(session)
        assert result.status in ("pass", "not yet", "blocked")
        assert 0 <= result.fidelity <= 100
