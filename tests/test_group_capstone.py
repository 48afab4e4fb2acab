"""The capstone meeting played by scripted facilitators through the real engine and judge.

Proof for issue 14: a skilled facilitator passes, a weak one gets "not yet" with reasons, a
harmful one is blocked; a fix-it facilitator never reaches the best ending; every incident has a
path that handles it well; "can't judge" changes nothing; the disclosure follows the course's one
escalation rule (safety.escalation_for).
"""

from __future__ import annotations

import pytest

from capstone_scripts import HARMFUL, SKILLED, WEAK
from facilitator_course.group.engine import BEST, UNSAFE, GroupSession, play_moves
from facilitator_course.group.model import INCIDENT_KINDS
from facilitator_course.group.records import HANDLED
from facilitator_course.group.schema import load_group_meeting
from facilitator_course.group.scoring import (
    BLOCKED,
    FULLY,
    NOT_YET,
    PASS,
    PASS_FIDELITY,
    score_session,
)
from facilitator_course.group.scoring import (
    HARMFUL as HARMFUL_LEVEL,
)
from facilitator_course.safety import ACT_NOW, escalation_for

MEETING = "capstone-thursday-evening"
# Positions of reflections in SKILLED, and advice a fix-it facilitator types there instead.
ADVICE = {
    3: "You should leave every barbecue early from now on.",
    5: "You need to stay away from the bookies on payday.",
    10: "You should stop seeing those friends.",
    12: "You should try going to more meetings.",
}


@pytest.fixture(scope="module")
def meeting():
    return load_group_meeting(MEETING)


@pytest.fixture(scope="module")
def skilled(meeting):
    return play_moves(meeting, SKILLED)


def test_the_skilled_facilitator_passes_with_the_best_ending(skilled):
    result = score_session(skilled)
    assert result.status == PASS, result.reasons
    assert result.ending == BEST
    assert result.fidelity >= PASS_FIDELITY
    assert all(c.level == FULLY for c in result.competencies)
    assert result.moves_judged >= 30  # dozens of coded moves, not five
    assert result.profile_level in ("fair", "good")
    assert result.profile.mi_non_adherent == 0


def test_every_incident_has_a_path_that_handles_it_well(meeting, skilled):
    assert {i.kind for i in meeting.incidents} == set(INCIDENT_KINDS)
    outcomes = {s.incident.id: s.outcome for s in skilled.incidents}
    assert outcomes == {i.id: HANDLED for i in meeting.incidents}


def test_the_weak_facilitator_gets_not_yet_with_reasons(meeting):
    result = score_session(play_moves(meeting, WEAK))
    assert result.status == NOT_YET
    text = " ".join(result.reasons)
    for expected in ("fidelity", "Everyone taking part", "MI profile below fair"):
        assert expected in text
    assert "invite the quiet member" in text
    assert not any(c.level == HARMFUL_LEVEL for c in result.competencies)


def test_the_harmful_facilitator_is_blocked(meeting):
    result = score_session(play_moves(meeting, HARMFUL))
    assert result.status == BLOCKED
    harmful = {c.key for c in result.competencies if c.level == HARMFUL_LEVEL}
    assert {"empathy", "participation"} <= harmful
    assert any("identity label" in r for r in result.reasons)


@pytest.mark.parametrize("positions", [(3,), (10,), (3, 5, 10, 12)])
def test_a_fix_it_facilitator_never_reaches_the_best_ending(meeting, positions):
    moves = list(SKILLED)
    for index in positions:
        moves[index] = ADVICE[index]
    session = play_moves(meeting, moves)
    assert session.ending() != BEST
    advised = [r for r in session.records if r.code == "persuade" and r.harmful]
    assert len(advised) == len(positions)
    answered = [r for r in advised if not r.incidents]  # (advice during an incident worsens it)
    assert answered
    for record in answered:  # the person told what to do answers "yes, but", not change talk
        who = record.replies[0].who
        assert record.replies[0].says == meeting.person(who).to_advice
    result = score_session(session)
    solving = next(c for c in result.competencies if c.key == "problem_solving")
    assert solving.level != FULLY
    assert any("give no advice yourself" in r for r in solving.reasons)


def test_ignoring_the_disclosure_is_unsafe_and_blocks(meeting):
    disclosure_at = next(
        n for n, move in enumerate(SKILLED) if "thinking of ending your life" in move
    )
    moves = [*SKILLED[:disclosure_at], "Thanks, Jess. Who else has something for the board?"]
    session = play_moves(meeting, moves)
    assert session.records[disclosure_at - 1].distress  # the crisis resources are shown
    assert session.ending() == UNSAFE
    result = score_session(session)
    assert result.status == BLOCKED
    assert any("escalation rule" in r for r in result.reasons)


def test_the_disclosure_uses_the_courses_one_escalation_rule(meeting):
    disclosure = next(i for i in meeting.incidents if i.kind == "disclosure")
    assert escalation_for(" ".join(x.says for x in disclosure.says)) == ACT_NOW
    assert disclosure.within == 1  # act now: the very next move


def test_a_move_that_cannot_be_judged_changes_nothing(meeting):
    session = GroupSession(meeting)
    for move in SKILLED[:4]:
        session.play(move)
    before = (session.clock, session.phase, session.moves_in_phase, len(session.heard))
    record = session.play("asdf qwer zxcv")
    assert not record.judged and "can't judge" in record.feedback[0]
    assert not record.replies
    assert (session.clock, session.phase, session.moves_in_phase, len(session.heard)) == before


def test_gibberish_anywhere_leaves_the_score_as_it_was(meeting, skilled):
    moves = list(SKILLED)
    moves.insert(7, "asdf qwer zxcv")
    moves.insert(20, "word word word word word word word word word word")
    result = score_session(play_moves(meeting, moves))
    assert result.status == PASS
    assert result.moves_typed == len(SKILLED) + 2
    assert result.moves_judged == len(skilled.judged_records)


def test_harm_wins_over_a_group_move(meeting):
    session = GroupSession(meeting)
    for move in SKILLED[:8]:  # up to the crosstalk
        session.play(move)
    record = session.play("Dana, can you hold that thought? You're an alcoholic, remember.")
    assert record.harmful and record.labeling
    crosstalk = next(s for s in session.incidents if s.incident.kind == "crosstalk")
    assert crosstalk.outcome != HANDLED


def test_the_escalation_move_is_not_counted_as_advice_in_the_profile(meeting, skilled):
    override = [r for r in skilled.records if r.crisis_override]
    result = score_session(skilled)
    # whether or not the coder reads "a word in private" as advice, the profile has no advice
    assert result.profile.counts.get("persuade", 0) == 0
    assert all(r.has("safety_check") for r in override)


VOLUNTEER_REFLECTION = "mike, the lying is a big one for you"


def test_harm_read_from_the_wording_alone_goes_to_the_trainer_instead_of_blocking(meeting):
    """A reflection the model alone reads as confrontation (no rule names harmful words) still
    counts against the move in the meeting, but a block needs harm the rules can point to."""
    moves = list(SKILLED)
    at = next(n for n, m in enumerate(moves) if m.startswith("Mike and Chris, you both"))
    # in place of the skilled summary, so the meeting's timing (when Jess speaks) is unchanged
    moves[at] = VOLUNTEER_REFLECTION
    session = play_moves(meeting, moves)
    record = next(r for r in session.records if r.text == VOLUNTEER_REFLECTION)
    result = score_session(session)
    if record.harmful:  # what the coder says today; if it stops, the move simply counts as good
        assert record.harm_evidence == "wording"
        assert result.status != BLOCKED
        assert any(VOLUNTEER_REFLECTION in note for note in result.for_trainer)
        empathy = next(c for c in result.competencies if c.key == "empathy")
        assert empathy.level != FULLY
    else:
        assert result.status == PASS


def test_a_label_still_blocks_even_when_the_rest_is_skilled(meeting):
    moves = list(SKILLED)
    moves[3] = "So you're an alcoholic who had a wobble at the barbecue."
    result = score_session(play_moves(meeting, moves))
    assert result.status == BLOCKED
    assert not result.for_trainer or all("alcoholic" not in n for n in result.for_trainer)


def test_a_kind_welcome_the_model_alone_reads_as_confrontation_is_not_punished(meeting):
    session = GroupSession(meeting)
    session.play(SKILLED[0])
    record = session.play(
        "hey rob, good to see you. you can stay and just listen tonight if thats ok, maybe "
        "share another week. grab a water"
    )
    rob = next(s for s in session.incidents if s.incident.kind == "intoxicated")
    assert rob.outcome != "handled with harm"
    if not record.judged:  # the coder's harm (wording only) conflicts with the group move
        assert record.reason == "conflicting" and "What this moment needs" in record.feedback[0]


def test_the_report_headings_nest_under_the_page_that_shows_it(skilled):
    """Inside the meeting widget (h3 title) the report's sections are h4; in the exercise,
    under the h2 of the capstone-result cell, `check_capstone` shows them as h3."""
    import re

    from facilitator_course.widgets.group_report import report_html

    result = score_session(skilled)
    for level in (3, 4):
        html = report_html(result, level=level)
        assert set(re.findall(r"<h(\d)", html)) == {str(level)}
        assert html.count(f"<h{level}>") == 3
