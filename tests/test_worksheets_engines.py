"""Worksheet engines: ABC(DE), CBA, Change Plan, Hierarchy of Values, urge log, reference
comparison."""

from __future__ import annotations

import pytest

from facilitator_course.worksheets import (
    INFO,
    OK,
    REFERENCE_ANSWERS,
    SAFETY,
    TODO,
    ABCWorksheet,
    ChangePlan,
    CostBenefitAnalysis,
    HierarchyOfValues,
    UrgeEntry,
    UrgeLog,
    analyse_abc,
    analyse_cba,
    analyse_change_plan,
    analyse_hov,
    analyse_urge_log,
    compare_with_reference,
    parse_items,
    reference_answer,
    reference_answers,
)


def texts(feedback, kind=None):
    return " | ".join(m.text for m in feedback.messages if kind is None or m.kind == kind)


# -- Cost-Benefit Analysis -------------------------------------------------------------------
def test_cba_items_and_time_tags_are_parsed():
    items = parse_items("- Relaxing (short)\n2. Money [LT]\nlong-term: health\n* fun\n\n")
    assert [(i.text, i.term) for i in items] == [
        ("Relaxing", "short"),
        ("Money", "long"),
        ("health", "long"),
        ("fun", ""),
    ]


def test_an_empty_cba_asks_for_each_box_including_honest_benefits():
    feedback = analyse_cba(CostBenefitAnalysis())
    assert not feedback.complete
    todo = texts(feedback, TODO)
    assert "Name the behaviour" in todo and "Being honest about its benefits" in todo
    assert len(feedback.of_kind(TODO)) == 5


def test_a_complete_cba_shows_the_short_long_pattern():
    cba = CostBenefitAnalysis.from_fields(
        {
            "behaviour": "weekend drinking",
            "benefits_doing": "unwinding (short)\nfun with friends (short)",
            "costs_doing": "hangovers (short)\nmoney (long)\nhealth (long)",
            "benefits_stopping": "savings (long)\nclear Sundays (short)",
            "costs_stopping": "boredom (short)",
        }
    )
    feedback = analyse_cba(cba)
    assert feedback.complete
    assert "short-term while most of its costs are long-term" in texts(feedback, INFO)
    assert feedback.details["costs_doing"] == {"short": 1, "long": 2, "untagged": 0}
    assert CostBenefitAnalysis.from_fields(cba.fields()).items == cba.items  # round trip


def test_untagged_and_overlong_cba_entries_get_clear_messages():
    raw = {
        "behaviour": "x",
        "benefits_doing": "a",
        "costs_doing": "b" * 2500,
        "benefits_stopping": "c",
        "costs_stopping": "d",
    }
    feedback = analyse_cba(CostBenefitAnalysis.from_fields(raw), raw)
    assert "no time tag" in texts(feedback, TODO)
    assert "2500 characters long" in texts(feedback, TODO)
    assert not feedback.complete


def test_distress_in_a_worksheet_brings_a_safety_message_first():
    raw = {"behaviour": "drinking", "costs_stopping": "I sometimes want to die (short)"}
    feedback = analyse_cba(CostBenefitAnalysis.from_fields(raw), raw)
    assert feedback.messages[0].kind == SAFETY and feedback.distress


# -- Change Plan ---------------------------------------------------------------------------------
def test_change_plan_rulers_become_mi_questions():
    plan = ChangePlan(
        changes="Stop betting",
        importance=8,
        confidence=4,
        reasons="Rent",
        steps="Delete the apps tonight",
        helpers="My sister",
        signs="Rent paid",
        obstacles="Payday. If it's payday, then I go to my sister's.",
    )
    feedback = analyse_change_plan(plan)
    info = texts(feedback, INFO)
    assert "Why 8 and not 5?" in info and "move it to 5" in info
    assert "matters more to you than you feel able" in info
    assert feedback.complete, texts(feedback, TODO)


def test_change_plan_asks_for_specific_steps_and_missing_fields():
    plan = ChangePlan.from_fields(
        {
            "changes": "Drink less",
            "steps": "Try harder\nBe better",
            "importance": "",
            "confidence": "11",
            "obstacles": "Friends",
        }
    )
    feedback = analyse_change_plan(plan)
    todo = texts(feedback, TODO)
    assert "specific" in todo and "Rate importance" in todo
    assert "between 0 and 10" in todo and "Not filled in yet" in todo
    assert "If ..., then I will" in texts(feedback, INFO)
    assert not feedback.complete
    assert ChangePlan.from_fields(plan.fields()) == plan


@pytest.mark.parametrize(("value", "words"), [(0, "become a 1"), (10, "makes it that high")])
def test_ruler_extremes(value, words):
    plan = ChangePlan(importance=value)
    assert words in texts(analyse_change_plan(plan), INFO)


# -- Hierarchy of Values -------------------------------------------------------------------------
def test_hov_checks_values_and_their_effects():
    hov = HierarchyOfValues(
        values="Family\nHealth\nFamily", behaviour="", effects="family: less time"
    )
    feedback = analyse_hov(hov)
    todo = texts(feedback, TODO)
    assert "aim for 5" in todo and "Listed twice: family" in todo and "Name the behaviour" in todo
    full = HierarchyOfValues(
        values="Family\nHealth\nWork\nFriends\nMusic",
        behaviour="gaming",
        effects="Family: less time\nhealth: no sleep\nwork: late\nfriends: online only",
    )
    feedback = analyse_hov(full)
    assert "Music" in texts(feedback, TODO) and not feedback.complete
    done = HierarchyOfValues(full.values, full.behaviour, full.effects + "\nmusic: no practice")
    assert analyse_hov(done).complete
    assert analyse_hov(done).of_kind(OK)


# -- Urge log ------------------------------------------------------------------------------------
def test_urge_log_validates_entries():
    log = UrgeLog()
    assert log.add(UrgeEntry("Mon", 11, "")) == [
        "intensity should be from 0 to 10",
        "say what set the urge off (a place, a feeling, a person, a time)",
    ]
    assert log.entries == []
    assert "300" in log.add(UrgeEntry("Mon", 5, "x" * 400))[0]


def test_urge_strength_is_rated_0_to_10_like_the_module_3_lesson():
    log = UrgeLog()
    assert log.add(UrgeEntry("Mon", 0, "after coffee")) == []  # noticed, no pull at all
    assert log.add(UrgeEntry("Tue", 10, "payday")) == []
    assert log.add(UrgeEntry("Wed", -1, "x")) == ["intensity should be from 0 to 10"]
    assert [e.intensity for e in log.entries] == [0, 10]
    assert analyse_urge_log(log).details["mean_intensity"] == 5.0
    assert UrgeLog.from_fields(log.fields()).entries == log.entries  # a 0 survives a save
    # ...so a saved entry with no strength is not read as a 0 rating
    with pytest.raises(ValueError):
        UrgeEntry.from_dict({"when": "Thu", "trigger": "pub"})


def test_urge_log_finds_patterns():
    log = UrgeLog()
    for entry in (
        UrgeEntry("Mon 8", 7, "After coffee", 10, "walk"),
        UrgeEntry("Tue 14", 9, "stress", 15, "gum"),
        UrgeEntry("Wed 12", 5, "after coffee.", 5, "joined them", acted=True),
        UrgeEntry("Fri 15", 8, "Stress", None, "breathing"),
    ):
        assert log.add(entry) == []
    feedback = analyse_urge_log(log)
    info = texts(feedback, INFO)
    assert "did not act on 3 of 4" in info and "after coffee (2×)" in info
    assert "10 minutes on average" in info
    assert feedback.complete and feedback.details["mean_intensity"] == 7.2
    again = UrgeLog.from_fields(log.fields())
    assert again.entries == log.entries
    log.remove(0)
    assert len(log.entries) == 3
    assert "No entries yet" in texts(analyse_urge_log(UrgeLog()), TODO)


# -- Reference answers ---------------------------------------------------------------------------
def test_every_worksheet_has_a_reference_exercise():
    kinds = {r.worksheet for r in REFERENCE_ANSWERS.values()}
    assert kinds == {"abc", "cba", "change_plan", "hov", "urge_log"}
    for reference in reference_answers():
        assert set(reference.model) == set(reference.labels)
        # the model answer covers all of its own key ideas
        assert compare_with_reference(reference.model, reference).coverage == 100
    with pytest.raises(KeyError, match="available"):
        reference_answer("nope")


def test_comparison_lists_covered_and_missing_ideas():
    fields = {
        "benefits_doing": "It helps me relax with friends",
        "costs_doing": "hangovers",
        "benefits_stopping": "",
        "costs_stopping": "I'd be bored",
    }
    comparison = compare_with_reference(fields, "cba-weekend-drinking")
    by_field = {f.field: f for f in comparison.fields}
    assert len(by_field["benefits_doing"].covered) == 2
    assert [i.label for i in by_field["costs_doing"].covered] == ["hangovers and lost time"]
    assert not by_field["benefits_stopping"].covered
    assert 0 < comparison.coverage < 100 and "not mistakes" in comparison.summary
    assert by_field["costs_doing"].model.startswith("Sundays lost")


def test_urge_log_entries_are_compared_as_a_whole():
    log = UrgeLog([UrgeEntry("Mon", 7, "coffee", 10, "walk"), UrgeEntry("Tue", 8, "stress")])
    comparison = compare_with_reference(log.fields(), "urge-log-first-week")
    covered = {i.label for i in comparison.fields[0].covered}
    assert covered == {"coffee as a trigger", "stress as a trigger", "coping actions"}


# -- ABC(DE) (the analysis itself is the feedback engine's REBT module) --------------------------
GOOD_ABC = ABCWorksheet(
    a="My boss criticised my report in front of the team.",
    b="He must respect me. It's awful and I can't stand it. I'm a total failure.",
    c="Furious and ashamed (8/10); I wanted to drink.",
    d="Where is the evidence that he must respect me? Does one bad report make me a failure?",
    e="I'd prefer he gave feedback privately, but he doesn't have to. One report doesn't make "
    "me a failure.",
)


def test_an_empty_abc_says_where_to_start():
    feedback = analyse_abc(ABCWorksheet())
    assert not feedback.complete and "Start with C" in texts(feedback, TODO)


def test_a_complete_abc_types_the_beliefs_classifies_the_dispute_and_checks_e():
    feedback = analyse_abc(GOOD_ABC)
    assert feedback.complete, texts(feedback)
    b_types = {s["type"] for s in feedback.details["b_spans"] if s["irrational"]}
    assert {"demandingness", "awfulizing", "global_rating"} <= b_types
    for span in feedback.details["b_spans"]:  # spans point at the learner's own words
        assert GOOD_ABC.b[span["start"] : span["end"]] == span["text"]
    assert feedback.details["dispute"] in ("empirical", "logical", "pragmatic")
    assert feedback.details["e_rational"] is True
    assert not any(s["irrational"] for s in feedback.details["e_spans"])
    assert "You found the belief behind the feeling" in texts(feedback, OK)


def test_an_e_that_keeps_the_demand_is_not_accepted():
    sheet = ABCWorksheet(**{**GOOD_ABC.fields(), "e": "I must never make a mistake again."})
    feedback = analyse_abc(sheet)
    assert not feedback.complete and feedback.details["e_rational"] is False
    assert "Try a preference" in " ".join(m.text for m in feedback.about("e"))


def test_a_b_without_a_belief_and_a_missing_dispute_get_prompts():
    sheet = ABCWorksheet(a=GOOD_ABC.a, b="My boss spoke to me.", c=GOOD_ABC.c)
    feedback = analyse_abc(sheet)
    assert not feedback.complete
    assert feedback.about("b") and all(m.kind != OK for m in feedback.about("b"))
    assert "question the belief" in " ".join(m.text for m in feedback.about("d"))


def test_abc_long_fields_and_distress():
    feedback = analyse_abc(ABCWorksheet(b="x" * 2500))
    assert "2500 characters long" in texts(feedback, TODO) and not feedback.complete
    feedback = analyse_abc(ABCWorksheet(c="I wanted to kill myself."))
    assert feedback.distress and feedback.messages[0].kind == SAFETY
