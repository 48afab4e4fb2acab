"""Driving the practice widgets from Python: set values, click buttons, read traits back.

No browser is needed: callbacks run in the kernel and every result is written into HTML widget
`.value` traits (an Output widget's text would be invisible here).
"""

from __future__ import annotations

from types import SimpleNamespace

import ipywidgets as w
import pytest

from facilitator_course.progress import ProgressStore
from facilitator_course.widgets import (
    ABCWidget,
    CBAWidget,
    ChangePlanWidget,
    CodingDrillWidget,
    HOVWidget,
    MeetingSimulator,
    RolePlay,
    UrgeLogWidget,
)

LABELLED = (
    w.Text,
    w.Textarea,
    w.Dropdown,
    w.RadioButtons,
    w.Checkbox,
    w.BoundedIntText,
    w.IntText,
    w.ToggleButtons,
    w.Select,
)


def fake_coder(text, context=None):
    lowered = text.lower()
    if "should" in lowered:
        code = "persuade"
    elif lowered.startswith(("it sounds", "you")):
        code = "reflection_complex"
    elif lowered.startswith(("what", "how")):
        code = "question_open"
    else:
        code = "other"
    return SimpleNamespace(
        code=code,
        confidence=0.7,
        cue=text.split()[0],
        error=None,
        explanation="Fake.",
        labeling=False,
        disguised_advice=False,
        rewrite="You want things to be different." if code == "persuade" else None,
    )


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk(child)


def assert_accessible(widget) -> None:
    """Every input has a label (description) and every button has visible text."""
    for item in walk(widget):
        if isinstance(item, w.Button):
            assert item.description.strip(), f"button without text: {item!r}"
            assert not item.icon or item.description.strip()
        elif isinstance(item, LABELLED):
            assert item.description.strip(), f"input without a label: {type(item).__name__}"


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress.json")


def option_label(rp: RolePlay, index: int) -> str:
    """The text shown for the scenario's reply number `index` (options are shown shuffled)."""
    return next(label for label, value in rp.choices.options if value == index)


def click_choice(rp: RolePlay, index: int) -> None:
    rp.choices.value = index
    rp.reply_button.click()


# -- Role-play --------------------------------------------------------------------------------------
def test_choice_roleplay_meters_transcript_and_better_alternative(store):
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=store)
    assert_accessible(rp.widget)
    assert "Sam" in rp.header.value and "sceptical" in rp.header.value
    assert 'aria-valuenow="35"' in rp.meters.value  # contemplation starts at 35
    rp.reply_button.click()  # nothing chosen yet
    assert "Choose one of the replies first" in rp.feedback.value
    click_choice(rp, 1)  # the righting reflex (health advice)
    assert rp.conversation.state.rapport < 40 and "▼" in rp.meters.value
    assert "Turn 1." in rp.transcript.value and "advice without permission" in (
        rp.transcript.value.lower() + rp.feedback.value.lower()
    )
    assert "A better alternative" in rp.feedback.value
    assert rp.conversation.node.id == "digs_in"
    assert [v for _, v in rp.rewind_to.options] == [1]


def test_retry_from_an_earlier_turn(store):
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=store)
    click_choice(rp, 0)
    click_choice(rp, 0)
    assert len(rp.conversation.transcript) == 2
    rp.rewind_to.value = 1
    rp.rewind_button.click()
    assert rp.conversation.transcript == () and rp.conversation.node.id == "opening"
    assert "Gone back" in rp.feedback.value and rp.transcript.value == ""
    assert option_label(rp, 0).startswith("It sounds like")


def test_go_back_shows_no_turns_yet_and_is_disabled_until_there_is_a_turn(store):
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=store)
    # before the first reply: a disabled dropdown that says why, never an empty box
    assert rp.rewind_to.label == "(no turns yet)" and rp.rewind_to.index == 0
    assert rp.rewind_to.value is None
    assert rp.rewind_to.disabled and rp.rewind_button.disabled
    rp.rewind_button.click()  # nothing to go back to: nothing happens
    assert rp.conversation.node.id == "opening" and rp.feedback.value == ""
    click_choice(rp, 0)
    assert not rp.rewind_to.disabled and not rp.rewind_button.disabled
    assert rp.rewind_to.label.startswith("Turn 1:") and rp.rewind_to.value == 1
    assert "(no turns yet)" not in rp.rewind_to.options[0]
    rp.rewind_button.click()  # back to the start: the placeholder is shown again
    assert rp.conversation.transcript == ()
    assert rp.rewind_to.label == "(no turns yet)" and rp.rewind_to.disabled
    assert rp.rewind_button.disabled


def test_a_choice_roleplay_played_to_the_end_saves_progress(store):
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=store)
    for _ in range(9):  # the arc's good path is nine replies, each the first choice
        click_choice(rp, 0)
    assert rp.conversation.finished
    assert "Debrief" in rp.ending.value and "Score for this run" in rp.ending.value
    assert rp.answer_box.children == ()
    saved = store.load()["scenarios"]["weekends-for-unwinding"]
    assert saved["completed"] and saved["last_outcome"] == "good" and saved["best_score"] == 100
    rp.reply_button.click()
    assert "conversation has ended" in rp.feedback.value
    rp.restart_button.click()
    assert rp.conversation.node.id == "opening" and rp.ending.value == ""


def test_free_text_roleplay_messages_and_escaping(store):
    rp = RolePlay.from_scenario("after-a-lapse", coder=fake_coder, store=store)
    assert_accessible(rp.widget)
    assert rp.text in rp.answer_box.children
    rp.reply_button.click()
    assert "Type your reply first" in rp.feedback.value
    rp.text.value = "word " * 150
    rp.reply_button.click()
    assert "keep it under 100 words" in rp.feedback.value and not rp.conversation.transcript
    rp.hint_button.click()
    assert "Reflect the feeling" in rp.hint.value
    rp.text.value = "You <script>alert('x')</script> feel furious with yourself."
    rp.reply_button.click()
    assert rp.text.value == ""  # cleared for the next turn
    assert "<script>" not in rp.transcript.value and "&lt;script&gt;" in rp.transcript.value
    assert rp.conversation.node.id == "feels_understood"
    rp.text.value = "You should make a plan."
    rp.reply_button.click()
    assert "A better alternative" in rp.feedback.value
    assert "You want things to be different." in rp.feedback.value


def test_distress_in_a_typed_reply_shows_crisis_resources(store):
    rp = RolePlay.from_scenario("gambling-ambivalent", coder=fake_coder, store=store)
    rp.text.value = "You sound like you want to die sometimes."
    rp.reply_button.click()
    assert "988" in rp.feedback.value


def test_own_distress_pauses_the_role_play_with_resources_first(store):
    rp = RolePlay.from_scenario("gambling-ambivalent", coder=fake_coder, store=store)
    typed = "honestly it would be easier for everyone if I just wasn't around"
    rp.text.value = typed
    rp.reply_button.click()
    assert rp.feedback.value.index("988") < rp.feedback.value.index("may be about you")
    assert rp.text.value == typed  # nothing lost
    assert not rp.conversation.transcript and rp.transcript.value == ""  # nothing coded


def test_a_disclosure_scenario_shows_the_crisis_banner_from_the_start(store, monkeypatch):
    monkeypatch.setenv("FACILITATOR_COURSE_COUNTRY", "GB")
    rp = RolePlay.from_scenario("private-disclosure", store=store)
    assert "116 123" in rp.banner.value and 'role="alert"' in rp.banner.value
    click_choice(rp, 0)
    assert "116 123" in option_label(rp, 0)  # the numbers follow the country


def test_under_nbgrader_widgets_build_and_run_but_save_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    path = tmp_path / "progress.json"
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=ProgressStore(path))
    while not rp.conversation.finished:
        click_choice(rp, 0)
    assert rp.conversation.finished and not path.exists()
    sheet = CBAWidget(store=ProgressStore(path))
    sheet.inputs["behaviour"].value = "x"
    sheet.save_button.click()
    assert "not saved" in sheet.status.value and not path.exists()
    # and with the default store (the learner's data folder): nothing is written there either
    home = tmp_path / "home"
    monkeypatch.setenv("FACILITATOR_COURSE_HOME", str(home))
    drill = CodingDrillWidget.from_name("mi-labels")
    drill.label.value = drill.drill.items[0].label
    drill.check_button.click()
    drill.results_button.click()
    sim = MeetingSimulator.from_name("community-centre-evening")
    while not sim.simulation.finished:
        sim.options.value = 0
        sim.respond_button.click()
    log = UrgeLogWidget()
    log.inputs["intensity"].value = 5
    log.inputs["trigger"].value = "stress"
    log.add_button.click()
    assert "Added entry 1" in log.form_message.value and "Debrief" in sim.debrief.value
    assert not home.exists()


# -- Coding drill ---------------------------------------------------------------------------------
def test_coding_drill_widget(store):
    drill = CodingDrillWidget.from_name("mi-labels", store=store)
    assert_accessible(drill.widget)
    assert "Item 1 of" in drill.position.value and drill.previous_button.disabled
    drill.check_button.click()
    assert "Choose a label first" in drill.item_feedback.value
    first = drill.drill.items[0]
    drill.label.value = first.label
    drill.check_button.click()
    assert "Agreed" in drill.item_feedback.value and first.why[:20] in drill.item_feedback.value
    drill.next_button.click()
    second = drill.drill.items[1]
    wrong = "confront" if second.label != "confront" else "affirm"
    drill.label.value = wrong
    drill.check_button.click()
    assert "The expert label is" in drill.item_feedback.value
    drill.previous_button.click()
    assert drill.label.value == first.label  # answers are remembered
    drill.results_button.click()
    assert "Agreement: <strong>50%</strong>" in drill.results.value
    assert "Cohen's kappa" in drill.results.value
    assert "The label means" in drill.results.value  # per-label explanations
    assert store.load()["drills"]["mi-labels"]["answered"] == 2


# -- Worksheets -----------------------------------------------------------------------------------
def test_cba_widget_live_feedback_drafts_and_reference(store):
    sheet = CBAWidget(reference="cba-weekend-drinking", store=store)
    assert_accessible(sheet.widget)
    assert "Exercise:" in sheet.header.value
    assert "Name the behaviour" in sheet.feedback.value
    sheet.inputs["behaviour"].value = "weekend drinking"
    sheet.inputs["benefits_doing"].value = "relax with friends (short)"
    assert "Name the behaviour" not in sheet.feedback.value  # live: no button needed
    assert "Benefits of doing it: 1 item(s)" in sheet.feedback.value
    sheet.save_button.click()
    assert "Draft saved" in sheet.status.value
    again = CBAWidget(reference="cba-weekend-drinking", store=store)
    assert again.inputs["benefits_doing"].value == "relax with friends (short)"
    assert "draft was loaded" in again.status.value
    again.compare_button.click()
    assert "Reference answer" in again.reference_view.value
    assert "to consider" in again.reference_view.value
    again.clear_button.click()
    assert again.inputs["behaviour"].value == "" and again.reference_view.value == ""


def test_abc_widget_highlights_beliefs_and_escapes_them(store):
    sheet = ABCWidget(reference="abc-after-a-lapse", store=store)
    assert_accessible(sheet.widget)
    assert "Start with C" in sheet.feedback.value
    sheet.inputs["a"].value = "My boss criticised my report in front of the team."
    sheet.inputs["b"].value = "<b>He</b> must respect me. I'm a total failure."
    sheet.inputs["c"].value = "Furious (8/10); I wanted to drink."
    assert '<mark class="fc-irrational"' in sheet.extra.value
    assert "[demandingness]" in sheet.extra.value and "&lt;b&gt;He&lt;/b&gt;" in sheet.extra.value
    assert "<b>He</b>" not in sheet.extra.value
    sheet.inputs["d"].value = "Where is the evidence that he must respect me?"
    sheet.inputs["e"].value = "I'd prefer respect, but he doesn't have to. I'm not a failure."
    assert "rational parts underlined" in sheet.extra.value
    assert "Your dispute in D:" in sheet.extra.value
    sheet.compare_button.click()
    assert "Compared with the reference answer" in sheet.reference_view.value
    sheet.save_button.click()
    again = ABCWidget(reference="abc-after-a-lapse", store=store)
    assert again.inputs["b"].value.startswith("<b>He</b> must")


def test_abc_widget_numbers_the_facilitators_order_starting_with_c(store):
    sheet = ABCWidget(store=store)
    header = sheet.header.value
    steps = header[header.index("<ol") : header.index("</ol>")]
    positions = [steps.index(f"<li>{part}:") for part in "CABDE"]
    assert positions == sorted(positions), steps  # C, A, B, D, E
    assert "the third box" in steps  # the Module 2 lesson: "C first (the third box)"
    labels = {key: box.description for key, box in sheet.inputs.items()}
    assert labels["c"].startswith("C: Consequences (step 1")
    assert [labels[k][-2] for k in "abde"] == ["2", "3", "4", "5"]
    # the boxes keep the worksheet's layout, and each one still feeds its own part
    assert sheet.layout_inputs() == [sheet.inputs[k] for k in "abcde"]
    sheet.inputs["c"].value = "Ashamed (8/10); I stayed in bed."
    assert sheet.values()["c"] == "Ashamed (8/10); I stayed in bed."
    assert "A: Activating event is empty." in sheet.feedback.value
    assert "C: Consequences is empty." not in sheet.feedback.value


def test_worksheet_text_is_escaped_and_long_text_is_reported(store):
    sheet = CBAWidget(store=store)
    sheet.inputs["costs_doing"].value = "<img src=x onerror=alert(1)> (long)"
    assert "<img" not in sheet.feedback.value + sheet.extra.value
    sheet.inputs["costs_stopping"].value = "y" * 2100
    assert "2100 characters long" in sheet.feedback.value


def test_change_plan_widget_uses_labelled_rating_dropdowns(store):
    sheet = ChangePlanWidget(store=store)
    assert_accessible(sheet.widget)
    sheet.inputs["importance"].value = 7
    assert "Why 7 and not 4?" in sheet.feedback.value
    assert isinstance(sheet.inputs["confidence"], w.Dropdown)


def test_an_unrated_ruler_says_not_rated_yet_and_counts_as_unrated(store):
    sheet = ChangePlanWidget(store=store)
    for key in ("importance", "confidence"):
        box = sheet.inputs[key]  # the option is selected, so the box is not drawn empty
        assert (box.index, box.label, box.value) == (0, "not rated yet", None)
    sheet.inputs["importance"].value = 0  # 0 is a rating, not "unrated"
    assert sheet.inputs["importance"].label == "0" and "Importance is 0" in sheet.feedback.value
    sheet.inputs["importance"].value = 7
    assert "Why 7 and not 4?" in sheet.feedback.value
    sheet.inputs["importance"].value = None  # back to unrated: the label, not a blank
    assert sheet.inputs["importance"].label == "not rated yet"
    assert "Why 7" not in sheet.feedback.value
    sheet.inputs["confidence"].value = 6
    sheet.clear_button.click()  # Clear empties the rulers too
    assert sheet.inputs["confidence"].label == "not rated yet"
    assert sheet.values()["confidence"] is None and "Why 6" not in sheet.feedback.value


def test_hov_widget(store):
    sheet = HOVWidget(reference="hov-late-night-gaming", store=store)
    sheet.inputs["values"].value = "Friends\nFamily"
    assert "2 value(s) so far" in sheet.feedback.value
    sheet.compare_button.click()
    assert "Compared with the reference answer" in sheet.reference_view.value


def test_urge_log_widget_add_invalid_remove_and_restore(store):
    log = UrgeLogWidget(reference="urge-log-first-week", store=store)
    assert_accessible(log.widget)
    log.add_button.click()
    assert "Choose how strong" in log.form_message.value
    log.inputs["intensity"].value = 7
    log.inputs["trigger"].value = ""
    log.add_button.click()
    assert "say what set the urge off" in log.form_message.value
    log.inputs["trigger"].value = "after coffee"
    log.inputs["minutes"].value = "ten"
    log.add_button.click()
    assert "whole number" in log.form_message.value
    log.inputs["minutes"].value = "10"
    log.inputs["response"].value = "walk"
    log.add_button.click()
    assert "Added entry 1" in log.form_message.value and log.inputs["trigger"].value == ""
    assert "after coffee" in log.log_view.value and "1 urge(s) logged" in log.feedback.value
    restored = UrgeLogWidget(reference="urge-log-first-week", store=store)
    assert len(restored.log.entries) == 1  # saved automatically when added
    restored.compare_button.click()
    assert "coffee as a trigger" in restored.reference_view.value
    restored.remove_choice.value = 0
    restored.remove_button.click()
    assert restored.log.entries == [] and "No entries yet" in restored.log_view.value


def test_urge_log_rates_strength_0_to_10_like_the_module_3_lesson(store):
    log = UrgeLogWidget(store=store)
    strength = log.inputs["intensity"]
    assert [v for _, v in strength.options] == [None, *range(11)]
    assert "0-10" in strength.description and "(0-10)" in log.header.value
    assert strength.label == "choose"  # shown, not an empty box
    strength.value = 0
    log.inputs["trigger"].value = "passing the pub"
    log.add_button.click()
    assert "Added entry 1" in log.form_message.value
    assert log.log.entries[0].intensity == 0 and "average strength 0.0" in log.feedback.value
    assert strength.value is None and strength.label == "choose"  # the form is reset
    log.add_button.click()
    assert "Choose how strong the urge was (0-10)" in log.form_message.value


# -- Meeting simulator -------------------------------------------------------------------------------
def best_index(event) -> int:
    order = {"good": 3, "ok": 2, "poor": 1, "unsafe": 0}
    return max(range(len(event.choices)), key=lambda i: order[event.choices[i].handling])


def test_meeting_simulator_widget_full_run(store):
    sim = MeetingSimulator.from_name("community-centre-evening", store=store)
    assert_accessible(sim.widget)
    assert "Welcome and introduction" in sim.timeline.value and "aria-current" in sim.timeline.value
    assert "of 90 minutes" in sim.meters.value
    sim.respond_button.click()
    assert "Choose a response first" in sim.feedback.value
    while not sim.simulation.finished:
        sim.options.value = best_index(sim.simulation.current_event)
        sim.respond_button.click()
        assert "handled well" in sim.feedback.value
    assert "passed" in sim.debrief.value and "Check-in" in sim.debrief.value
    assert sim.answer_box.layout.display == "none"
    assert store.load()["meetings"]["community-centre-evening"]["passed"]
    sim.restart_button.click()
    assert sim.debrief.value == "" and sim.simulation.step == 1


def test_meeting_safety_incident_shows_resources_and_fails_when_mishandled(store):
    sim = MeetingSimulator.from_name("online-evening-meeting", store=store)
    while not sim.simulation.finished:
        event = sim.simulation.current_event
        if event.safety:
            assert "988" in sim.banner.value
            sim.options.value = next(
                i for i, c in enumerate(event.choices) if c.handling == "unsafe"
            )
        else:
            sim.options.value = best_index(event)
        sim.respond_button.click()
    assert "not passed" in sim.debrief.value and "A safe response" in sim.debrief.value
    assert not store.load()["meetings"]["online-evening-meeting"]["passed"]
