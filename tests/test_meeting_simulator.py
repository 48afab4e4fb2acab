"""The meeting format constants, the meeting checker and the simulator's scoring."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from facilitator_course.meeting import (
    ELEMENT_KEYS,
    EVENT_KINDS,
    MEETING_ELEMENTS,
    MEETING_MINUTES,
    MeetingSimulation,
    check_meeting_file,
    element,
    load_meeting,
    meeting_paths,
)
from facilitator_course.meeting.model import HANDLING_POINTS

MEETINGS = [p.stem for p in meeting_paths()]


def test_the_six_elements_and_their_budgets_are_defined_once():
    assert ELEMENT_KEYS == (
        "welcome",
        "check_in",
        "agenda",
        "working_time",
        "pass_the_hat",
        "check_out",
    )
    budgets = {e.key: (e.min_minutes, e.max_minutes) for e in MEETING_ELEMENTS}
    assert budgets == {
        "welcome": (5, 5),
        "check_in": (10, 20),
        "agenda": (3, 3),
        "working_time": (40, 50),
        "pass_the_hat": (3, 3),
        "check_out": (15, 15),
    }
    assert (
        sum(lo for lo, _ in budgets.values())
        <= MEETING_MINUTES
        <= sum(hi for _, hi in budgets.values())
    )
    assert element("check_in").budget == "10–20 min" and element("agenda").budget == "3 min"
    with pytest.raises(KeyError):
        element("coffee")


def test_the_shipped_meetings_cover_every_situation():
    meetings = [load_meeting(name) for name in MEETINGS]
    assert len(meetings) >= 3
    kinds = {event.kind for m in meetings for event in m.events}
    required = {
        "crosstalk",
        "dominating",
        "advice_giving",
        "intoxicated",
        "verification_request",
        "twelve_step",
        "silence",
        "suicide_disclosure",
        "safeguarding",
        "co_facilitator",
    }
    assert required <= kinds <= set(EVENT_KINDS)
    for meeting in meetings:
        assert 4 <= len(meeting.participants) <= 8
        assert [p.element.key for p in meeting.elements] == list(ELEMENT_KEYS)
        assert check_meeting_file(meeting.path) == []


def play(sim: MeetingSimulation, pick) -> None:
    while not sim.finished:
        event = sim.current_event
        sim.choose(pick(event))


def best(event) -> int:
    return max(range(len(event.choices)), key=lambda i: HANDLING_POINTS[event.choices[i].handling])


def worst(event) -> int:
    return min(range(len(event.choices)), key=lambda i: HANDLING_POINTS[event.choices[i].handling])


@pytest.mark.parametrize("name", MEETINGS)
def test_handling_everything_well_passes_and_stays_on_time(name):
    sim = MeetingSimulation(load_meeting(name))
    start_climate = sim.climate
    play(sim, best)
    debrief = sim.debrief()
    assert debrief.passed and not debrief.safety_failures
    assert all(score.within_budget for score in debrief.elements)
    assert debrief.minutes <= MEETING_MINUTES and debrief.climate > start_climate
    assert debrief.score == 100
    frame = debrief.to_frame()
    assert list(frame["element"]) == [e.name for e in MEETING_ELEMENTS]


@pytest.mark.parametrize("name", MEETINGS)
def test_handling_everything_badly_fails(name):
    sim = MeetingSimulation(load_meeting(name))
    play(sim, worst)
    debrief = sim.debrief()
    assert not debrief.passed and debrief.score < 70
    assert debrief.climate < sim.meeting.start_climate
    # an honest debrief: a meeting that went badly throughout is not told "whatever else went well"
    if debrief.safety_failures and debrief.score < 60:
        assert f"also scored {debrief.score}" in debrief.verdict
        assert "otherwise pass" not in debrief.verdict


def test_mishandling_the_safety_incident_fails_whatever_else_went_well():
    sim = MeetingSimulation(load_meeting("online-evening-meeting"))

    def pick(event):
        if event.safety:
            return next(i for i, c in enumerate(event.choices) if c.handling == "unsafe")
        return best(event)

    play(sim, pick)
    debrief = sim.debrief()
    assert debrief.score >= 60  # everything else was fine...
    assert not debrief.passed  # ...but the meeting fails
    assert len(debrief.safety_failures) == 1 and "safety" in debrief.verdict
    assert "would otherwise pass" in debrief.verdict
    poor_on_safety = MeetingSimulation(load_meeting("online-evening-meeting"))
    play(
        poor_on_safety,
        lambda e: (
            next(i for i, c in enumerate(e.choices) if c.handling == "poor")
            if e.safety
            else best(e)
        ),
    )
    assert not poor_on_safety.debrief().passed


def test_letting_check_in_run_long_costs_time_and_climate():
    sim = MeetingSimulation(load_meeting("community-centre-evening"))
    sim.choose(0)  # welcome: handled well
    climate = sim.climate
    assert sim.current_element.element.key == "check_in"
    clock = sim.clock()
    long = sim.choose(1)  # let the crosstalk run
    assert long.choice.minutes > 0 and sim.climate < climate and sim.clock() == clock + 6
    sim.choose(1)  # let Mike dominate
    play(sim, best)
    check_in = next(s for s in sim.debrief().elements if s.element.key == "check_in")
    assert not check_in.within_budget and check_in.time_score < 1
    assert check_in.handling_points == 0 and check_in.score < 50


def test_restart_and_errors():
    sim = MeetingSimulation(load_meeting("community-centre-evening"))
    assert sim.step == 1 and sim.total_steps == len(sim.meeting.events)
    with pytest.raises(IndexError):
        sim.choose(9)
    play(sim, best)
    with pytest.raises(RuntimeError):
        sim.choose(0)
    sim.restart()
    assert not sim.finished and not sim.decisions and sim.clock() == 0


def test_crisis_resources_follow_the_country(monkeypatch):
    monkeypatch.setenv("FACILITATOR_COURSE_COUNTRY", "GB")
    meeting = load_meeting("online-evening-meeting")
    disclosure = next(e for e in meeting.events if e.kind == "suicide_disclosure")
    assert "116 123" in disclosure.best().action and "{" not in disclosure.best().action


MINIMAL = textwrap.dedent("""\
    id: small
    title: Small
    difficulty: 1
    about: A test meeting.
    setting: A room.
    participants:
      - {name: A, changing: alcohol}
      - {name: B, changing: gambling}
      - {name: C, changing: food}
      - {name: D, changing: nicotine}
    elements:
      welcome: {planned: 5, scene: Hello.}
      check_in:
        planned: 15
        scene: Check-in.
        events:
          - id: e1
            kind: crosstalk
            who: A
            situation: A interrupts.
            choices:
              - {action: Ask to hold comments., minutes: 0, climate: 5, handling: good, feedback: Good.}
              - {action: Let it run., minutes: 5, climate: -5, handling: poor, feedback: Long.}
      agenda: {planned: 3, scene: Agenda.}
      working_time: {planned: 45, scene: Work.}
      pass_the_hat: {planned: 3, scene: Hat.}
      check_out: {planned: 15, scene: Out.}
""")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_meeting_passes_the_checker(tmp_path):
    assert check_meeting_file(write(tmp_path, MINIMAL)) == []


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (("planned: 15", "planned: 25"), "elements.check_in.planned", "10 to 20"),
        (("  agenda: {planned: 3, scene: Agenda.}\n", ""), "elements", "missing agenda"),
        (("  - {name: D, changing: nicotine}\n", ""), "participants", "4 to 8"),
        (("who: A", "who: Z"), "elements.check_in.events.0.who", "participants"),
        (("kind: crosstalk", "kind: chatting"), "elements.check_in.events.0.kind", "crosstalk"),
        (
            ("handling: good, feedback: Good.", "handling: ok, feedback: Good."),
            "elements.check_in.events.0.choices",
            "handling: good",
        ),
        ((", feedback: Long.", ""), "elements.check_in.events.0.choices.1.feedback", "feedback"),
        (("scene: Hello.", "scene: Call 911 if needed."), "elements.welcome.scene", "{emergency}"),
        (("id: small", "id: big"), "id", "file name"),
    ],
)
def test_meeting_checker_errors_name_the_field_and_line(tmp_path, change, field, words):
    text = MINIMAL.replace(*change)
    errors = check_meeting_file(write(tmp_path, text))
    matching = [e for e in errors if e.field == field]
    assert matching, errors
    assert words in matching[0].expected
    assert matching[0].line is not None


def test_a_suicide_disclosure_must_be_a_safety_event_pointing_to_crisis_resources(tmp_path):
    text = MINIMAL.replace("kind: crosstalk", "kind: suicide_disclosure\n        safety: false")
    errors = {e.field: e for e in check_meeting_file(write(tmp_path, text))}
    assert "always a safety incident" in errors["elements.check_in.events.0.safety"].expected
    assert "{crisis_line}" in errors["elements.check_in.events.0.choices"].expected


def test_promising_secrecy_about_a_safeguarding_concern_fails_the_meeting():
    """Level 3: confidentiality has limits. Promising Nina that it stays in the room is the one
    unsafe option, and it fails the meeting however well everything else went."""
    meeting = load_meeting("saturday-morning-library")
    concern = next(e for e in meeting.events if e.kind == "safeguarding")
    assert concern.safety and concern.best().handling == "good"
    secrecy = next(i for i, c in enumerate(concern.choices) if c.handling == "unsafe")
    assert "stays in the group" in concern.choices[secrecy].action
    sim = MeetingSimulation(meeting)
    play(sim, lambda e: secrecy if e is concern else best(e))
    debrief = sim.debrief()
    assert debrief.score >= 60 and not debrief.passed
    assert [d.event.id for d in debrief.safety_failures] == [concern.id]
    assert "Confidentiality has limits" in debrief.safety_failures[0].choice.feedback


def test_an_element_with_nothing_to_handle_is_not_scored(tmp_path):
    """Only check-in has a situation in the minimal meeting. Mishandling it is the whole of the
    learner's meeting, so the score is that element's alone: the five quiet elements, whose
    minutes the learner never chose, would otherwise each add 100 and pass a meeting in which
    the one thing that came up was handled poorly."""
    sim = MeetingSimulation(load_meeting(write(tmp_path, MINIMAL)))
    sim.choose(1)  # let the crosstalk run: poor handling, five minutes over the plan
    debrief = sim.debrief()
    check_in = next(e for e in debrief.elements if e.element.key == "check_in")
    quiet = [e for e in debrief.elements if e.element.key != "check_in"]
    assert check_in.scored and check_in.handling_text == "0/2" and check_in.score == 30
    assert all(not e.scored and e.score is None for e in quiet)
    assert all(e.handling_text == "nothing to handle" for e in quiet)
    assert debrief.scored_elements == (check_in,)
    assert debrief.score == 30 and not debrief.passed
    frame = debrief.to_frame()
    assert list(frame["handling"]) == ["nothing to handle", "0/2"] + ["nothing to handle"] * 4
    assert frame["score"].isna().sum() == 5


def test_the_debrief_shows_quiet_elements_as_not_scored(tmp_path):
    from facilitator_course.widgets.meeting import debrief_html

    sim = MeetingSimulation(load_meeting(write(tmp_path, MINIMAL)))
    sim.choose(0)
    html = debrief_html(sim.debrief())
    assert html.count("nothing to handle") == 5 and html.count("not scored") == 5
    assert "Overall score 100/100 (from the one element with something to handle)" in html
    assert "<td>100</td>" in html  # check-in, the one scored element


@pytest.mark.parametrize("name", MEETINGS)
def test_the_meeting_score_averages_only_elements_with_something_to_handle(name):
    sim = MeetingSimulation(load_meeting(name))
    play(sim, worst)
    debrief = sim.debrief()
    scored = [e.score for e in debrief.elements if e.scored]
    assert debrief.score == round(sum(scored) / len(scored))
    # handling everything badly earns nothing from the elements in which nothing came up
    assert debrief.score < 60


def test_a_meeting_with_nothing_to_handle_scores_nothing():
    """The checker refuses such a file, but a Meeting built in code must not pass by default."""
    from dataclasses import replace

    meeting = load_meeting("community-centre-evening")
    empty = replace(meeting, elements=tuple(replace(p, events=()) for p in meeting.elements))
    sim = MeetingSimulation(empty)
    assert sim.finished
    debrief = sim.debrief()
    assert debrief.scored_elements == () and debrief.score == 0 and not debrief.passed
