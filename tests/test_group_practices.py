"""The six group practices (issue 14: group-level practice before the capstone), played by
scripted facilitators through the real group engine and judge.

For every practice file: a skilled facilitator shows the focus skill and gets the good debrief;
a fix-it facilitator (advice) and a closed-question-only facilitator never do; gibberish is not
judged and changes nothing. The member who gives advice is handled by a redirect that does not
shame, and a shaming one is never rewarded. The files pass the checker, the schema rejects bad
practice files, a practice is never scored as a capstone, and the lesson widget resumes.
"""

from __future__ import annotations

import json

import pytest
import yaml

from facilitator_course.commands.check import check_paths
from facilitator_course.group.model import PRACTICE
from facilitator_course.group.practice import (
    FOCUS,
    HARMFUL,
    NOT_YET,
    SHOWN,
    debrief,
    play_practice,
)
from facilitator_course.group.records import HANDLED, HARMED
from facilitator_course.group.schema import (
    check_group_meeting_file,
    group_meeting_paths,
    load_group_meeting,
)
from facilitator_course.group.transcript import TranscriptError, rejudge, save_transcript
from facilitator_course.learner_progress import Practice, practice_status
from facilitator_course.progress import ProgressStore
from group_practice_scripts import CLOSED, FIXER, GIBBERISH, SKILLED

PRACTICES = sorted(SKILLED)
MODULES = {"01-motivational-interviewing", "04-running-a-meeting", "05-difficult-situations"}


@pytest.fixture(scope="module")
def meetings():
    return {p: load_group_meeting(p) for p in PRACTICES}


def test_six_practices_cover_every_skill_in_modules_1_4_and_5(meetings):
    shipped = [p.stem for p in group_meeting_paths() if load_group_meeting(p).practice]
    assert sorted(shipped) == PRACTICES  # every shipped practice has a scripted facilitator
    assert len(PRACTICES) >= 6
    assert {m.focus for m in meetings.values()} == set(FOCUS)
    assert {m.module for m in meetings.values()} == MODULES
    for meeting in meetings.values():
        assert meeting.kind == PRACTICE
        assert 3 <= len(meeting.participants) <= 4
        assert 5 <= sum(p.moves for p in meeting.phases) <= 10


def test_the_practice_files_pass_the_checker():
    paths = [p for p in group_meeting_paths() if p.stem in SKILLED]
    results = check_paths([str(p) for p in paths])
    assert results == {p: [] for p in paths}


@pytest.mark.parametrize("practice", PRACTICES)
def test_a_skilled_facilitator_shows_the_focus_skill(meetings, practice):
    session = play_practice(meetings[practice], SKILLED[practice])
    assert session.finished
    assert all(r.judged and not r.harmful for r in session.records)
    found = debrief(session)
    assert found.status == SHOWN, found.points
    assert found.headline.startswith("Well done")
    shown = session.records[session.shown_at - 1]
    name = FOCUS[meetings[practice].focus].name
    assert shown.feedback[0].startswith(f"Focus skill ({name}): shown")
    for record in session.records:  # every move's feedback names the skill practised first
        assert record.feedback[0].startswith(f"Focus skill ({name}): ")


@pytest.mark.parametrize("practice", PRACTICES)
def test_a_fix_it_facilitator_never_shows_it_and_every_move_says_why(meetings, practice):
    session = play_practice(meetings[practice], FIXER)
    assert session.records and all(r.harmful for r in session.records)
    for record in session.records:
        assert "never rewarded" in record.feedback[0]
    found = debrief(session)
    assert found.status == HARMFUL
    assert session.shown_at == 0


@pytest.mark.parametrize("practice", PRACTICES)
def test_a_closed_question_only_facilitator_never_shows_it(meetings, practice):
    session = play_practice(meetings[practice], CLOSED)
    assert {r.code for r in session.judged_records} == {"question_closed"}
    assert debrief(session).status == NOT_YET
    assert session.shown_at == 0


@pytest.mark.parametrize("practice", PRACTICES)
def test_gibberish_is_not_judged_and_changes_nothing(meetings, practice):
    session = play_practice(meetings[practice], GIBBERISH)
    assert not any(r.judged for r in session.records)
    assert not session.finished and session.clock == 0 and not session.heard
    assert "Nothing has changed" in session.records[-1].feedback[-1]
    # then the skilled moves still work from the start
    for move in SKILLED[practice]:
        session.play(move)
    assert debrief(session).status == SHOWN
    assert "could not be judged" in " ".join(debrief(session).points)


def test_advice_between_members_is_handled_by_a_redirect_that_does_not_shame(meetings):
    meeting = meetings["m5-a-member-who-gives-advice"]
    session = play_practice(meeting, SKILLED["m5-a-member-who-gives-advice"][:2])
    state = session.incidents[0]
    assert state.incident.kind == "advice_giving" and state.outcome == HANDLED
    redirect = session.records[1]
    assert redirect.code not in ("persuade", "confront") and not redirect.harmful
    assert any("shared experience" in line.says or "helped me" in line.says
               for line in redirect.replies)  # fmt: skip
    shaming = "Wendy, stop lecturing her. Nobody asked for your advice, so keep it to yourself."
    shamed = play_practice(meeting, [SKILLED["m5-a-member-who-gives-advice"][0], shaming])
    assert shamed.records[1].harmful
    assert shamed.incidents[0].outcome == HARMED
    assert debrief(shamed).status == HARMFUL
    assert "handled with shame" in " ".join(debrief(shamed).points)


def test_crosstalk_redirected_with_shame_is_never_rewarded(meetings):
    meeting = meetings["m5-crosstalk-in-check-in"]
    moves = SKILLED["m5-crosstalk-in-check-in"][:3]
    moves.append("Owen, stop interrupting, that's rude. Nobody wants your story.")
    session = play_practice(meeting, moves)
    assert session.records[-1].harmful
    assert session.incidents[0].outcome == HARMED
    assert debrief(session).status == HARMFUL


def test_pushing_the_quiet_member_is_never_an_invitation(meetings):
    meeting = meetings["m4-bringing-in-the-quiet-member"]
    moves = SKILLED["m4-bringing-in-the-quiet-member"][:5]
    moves.append("Nia, you have to share tonight, everyone has to speak.")
    session = play_practice(meeting, moves)
    assert session.shown_at == 0
    assert debrief(session).status == HARMFUL


def test_distress_in_a_practice_shows_the_escalation_rule(meetings):
    from facilitator_course.safety import ESCALATION_RULE

    meeting = meetings["m1-reflecting-to-the-group"]
    session = play_practice(meeting, ["Some of you may be thinking about suicide; are you safe?"])
    assert session.records[0].distress
    assert ESCALATION_RULE in " ".join(debrief(session).points)


def _practice_file(tmp_path, change) -> list[str]:
    source = next(p for p in group_meeting_paths() if p.stem == "m5-crosstalk-in-check-in")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "m5-crosstalk-in-check-in.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return [str(e) for e in check_group_meeting_file(path)]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.pop("focus"), "should name the one skill"),
        (lambda d: d.update(focus="mind_reading"), "should be one of"),
        (lambda d: d.update(module="module five"), "the module whose lesson shows it"),
        (lambda d: d.update(incidents=[]), "needs an incident of kind 'crosstalk'"),
        (lambda d: d.update(participants=d["participants"][:2]), "3 to 4 participants"),
        (lambda d: d["phases"]["check_in"].update(moves=20), "moves in all"),
        (lambda d: d.update(kind="rehearsal"), "should be one of"),
        (lambda d: d["participants"][0]["says"].pop("check_in"), "check_in"),
    ],
)
def test_the_schema_rejects_bad_practice_files_with_a_clear_message(tmp_path, change, words):
    errors = _practice_file(tmp_path, change)
    assert errors and any(words in e for e in errors), errors


def test_a_practice_is_never_scored_as_a_capstone(tmp_path):
    path = save_transcript(tmp_path / "t.json", "m1-reflecting-to-the-group", ["Hello"])
    with pytest.raises(TranscriptError, match="group practice"):
        rejudge(path)


def test_the_lesson_widget_plays_debriefs_and_resumes_after_a_reload(tmp_path):
    from facilitator_course.widgets.group_practice import GroupPracticeView

    store = ProgressStore(tmp_path / "progress.json")
    practice = "m4-bringing-in-the-quiet-member"
    view = GroupPracticeView.for_practice(practice, store=store)
    for move in SKILLED[practice][:4]:
        view.text.value = move
        view.say.click()
    assert "Focus skill (bringing in the quiet member)" in view.feedback.value
    assert "Moves judged: 4 of 7" in view.clock.value
    again = GroupPracticeView.for_practice(practice, store=ProgressStore(store.path))
    assert len(again.session.records) == 4
    assert "Welcome back" in again.feedback.value
    for move in SKILLED[practice][4:]:
        again.text.value = move
        again.say.click()
    assert again.session.finished and again.text.disabled
    assert "Debrief: Well done" in again.report.value
    status = practice_status(Practice("group", practice), ProgressStore(store.path).load())
    assert status.done and status.detail == "finished, focus skill shown"  # the home page
    assert "<script>" not in again.transcript.value
    again.text.value = "<script>alert(1)</script>"  # finished: nothing more is said
    again.restart_button.click()
    again.text.value = "<b>Hi</b> everyone, how has your week been?"
    again.say.click()
    assert "&lt;b&gt;Hi&lt;/b&gt;" in again.transcript.value
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["resume"][f"group/{practice}"]["moves"] == [
        "<b>Hi</b> everyone, how has your week been?"
    ]
