"""The scenario checker: every problem names the file, the line, the field and what was expected."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from facilitator_course.content import ContentError
from facilitator_course.roleplay import check_scenario_file, load_scenario

VALID = textwrap.dedent("""\
    id: tiny
    title: "A tiny scenario"
    about: "For the checker tests."
    mode: choice
    persona:
      name: Ana
      age_range: 20-29
      changing: alcohol
      stage: contemplation
      style: reserved
    start: opening
    nodes:
      opening:
        says: "I drink a bit too much at weekends."
        talk: change
        respond: choice
        choices:
          - reply: "Weekends have become a worry for you."
            code: reflection_complex
            feedback: "A complex reflection."
            next: good_end
          - reply: "You should stop."
            code: persuade
            feedback: "Advice without permission."
            next: poor_end
      good_end:
        says: "Yes, maybe I'll cut down."
        talk: change
        outcome: good
        debrief: "Well done."
      poor_end:
        says: "Hm."
        talk: sustain
        outcome: poor
        debrief: "Try a reflection."
""")


def write(tmp_path: Path, text: str, name: str = "tiny") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, snippet: str, occurrence: int = 1) -> int:
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if snippet in line:
            count += 1
            if count == occurrence:
                return number
    raise AssertionError(f"{snippet!r} not in text")


def errors_for(tmp_path: Path, text: str, name: str = "tiny") -> list[ContentError]:
    return check_scenario_file(write(tmp_path, text, name))


def test_the_valid_example_passes_and_loads(tmp_path):
    path = write(tmp_path, VALID)
    assert check_scenario_file(path) == []
    scenario = load_scenario(path)
    assert scenario.persona.name == "Ana" and scenario.start == "opening"
    assert [n.id for n in scenario.endings] == ["good_end", "poor_end"]


def test_missing_feedback_is_reported_with_file_line_and_field(tmp_path):
    text = VALID.replace('        feedback: "Advice without permission."\n', "")
    [error] = errors_for(tmp_path, text)
    assert error.file.endswith("tiny.yaml")
    assert error.field == "nodes.opening.choices.1.feedback"
    assert error.line == line_of(text, 'reply: "You should stop."')
    assert "feedback" in error.expected
    assert str(error).startswith(f"{error.file}, line {error.line}:")


def test_dangling_reference(tmp_path):
    text = VALID.replace("next: good_end", "next: goood_end")
    errors = errors_for(tmp_path, text)
    dangling = [e for e in errors if e.field == "nodes.opening.choices.0.next"]
    assert dangling and "goood_end" in dangling[0].expected and "good_end" in dangling[0].expected
    assert dangling[0].line == line_of(text, "next: goood_end")
    # good_end is now unreachable too
    assert any(e.field == "nodes.good_end" and "cannot be reached" in e.expected for e in errors)


def test_unreachable_node(tmp_path):
    text = VALID + textwrap.indent(
        textwrap.dedent("""\
        orphan:
          says: "Nobody gets here."
          talk: neutral
          outcome: mixed
          debrief: "Unused."
    """),
        "  ",
    )
    [error] = errors_for(tmp_path, text)
    assert error.field == "nodes.orphan" and "cannot be reached" in error.expected
    assert error.line == line_of(text, "orphan:")


def test_a_loop_is_reported_because_every_path_must_end(tmp_path):
    text = VALID.replace("next: poor_end", "next: opening").replace(
        "code: persuade", "code: question_open"
    )
    errors = errors_for(tmp_path, text)
    assert any(e.field == "nodes.opening.choices.1.next" and "loop" in e.expected for e in errors)


def test_a_node_that_neither_responds_nor_ends(tmp_path):
    text = VALID.replace('    debrief: "Try a reflection."\n', "")
    errors = errors_for(tmp_path, text)
    assert any(e.field == "nodes.poor_end" and "debrief" in e.expected for e in errors)


def test_unknown_fields_and_bad_values(tmp_path):
    text = (
        VALID.replace('says: "Hm."', 'sayz: "Hm."')
        .replace("code: reflection_complex", "code: reflection")
        .replace("stage: contemplation", "stage: thinking")
        .replace("talk: sustain", "talk: grumpy")
    )
    errors = {e.field: e for e in errors_for(tmp_path, text)}
    assert "not a known field" in errors["nodes.poor_end.sayz"].expected
    assert "says" in errors["nodes.poor_end.sayz"].expected
    assert "reflection_complex" in errors["nodes.opening.choices.0.code"].expected
    assert "precontemplation" in errors["persona.stage"].expected
    assert errors["nodes.poor_end.talk"].line == line_of(text, "talk: grumpy")


def test_advice_must_not_draw_change_talk(tmp_path):
    text = VALID.replace("next: poor_end", "next: good_end")
    errors = errors_for(tmp_path, text)
    assert any(
        e.field == "nodes.opening.choices.1.next" and "change talk" in e.expected for e in errors
    )


def free_text_version(next_block: str) -> str:
    """VALID with its first node turned into a free-text node with the given `next:` entries."""
    text = VALID.replace("mode: choice", "mode: free_text")
    start = text.index("    respond: choice")
    end = text.index("  good_end:")
    return text[:start] + "    respond: free_text\n    next:\n" + next_block + text[end:]


def test_free_text_nodes_need_a_default_and_valid_keys(tmp_path):
    text = free_text_version(
        "      reflection: good_end\n      reflexion: poor_end\n      persuade: poor_end\n"
    )
    errors = {e.field: e for e in errors_for(tmp_path, text)}
    assert "default" in errors["nodes.opening.next"].expected
    assert "group" in errors["nodes.opening.next.reflexion"].expected
    assert errors["nodes.opening.next.reflexion"].line == line_of(text, "reflexion:")


def test_free_text_righting_reflex_must_not_reach_change_talk(tmp_path):
    text = free_text_version("      reflection: good_end\n      default: good_end\n")
    errors = errors_for(tmp_path, text)
    assert any(e.field == "nodes.opening.next" and "righting_reflex" in e.expected for e in errors)
    fixed = free_text_version(
        "      reflection: good_end\n      righting_reflex: poor_end\n      default: good_end\n"
    )
    assert errors_for(tmp_path, fixed) == []


def test_content_rules_numbers_labels_placeholders_and_id(tmp_path):
    text = VALID.replace(
        'debrief: "Well done."', 'debrief: "Call 988 if needed, {crisis}."'
    ).replace('feedback: "A complex reflection."', 'feedback: "Good reflection for an alcoholic."')
    errors = {e.field: e for e in errors_for(tmp_path, text, name="other-name")}
    assert "{crisis_line}" in errors["nodes.good_end.debrief"].expected
    assert "identity label" in errors["nodes.opening.choices.0.feedback"].expected
    assert "other-name" in errors["id"].expected
    # a quoted label is a mention, and participants may use labels about themselves
    fine = VALID.replace(
        'feedback: "A complex reflection."',
        "feedback: \"We avoid words like 'addict' in meetings.\"",
    ).replace('says: "Hm."', 'says: "I am an alcoholic, you know."')
    assert errors_for(tmp_path, fine) == []


def test_distress_in_a_participant_line_requires_the_safety_flag(tmp_path):
    text = VALID.replace('says: "Hm."', 'says: "Some days I want to die."')
    [error] = errors_for(tmp_path, text)
    assert error.field == "safety" and "safety: true" in error.expected
    assert errors_for(tmp_path, text.replace("mode: choice", "mode: choice\nsafety: true")) == []


def test_placeholders_are_filled_for_the_configured_country(tmp_path, monkeypatch):
    text = VALID.replace('debrief: "Well done."', 'debrief: "Support: {crisis_line}."').replace(
        "mode: choice", "mode: choice\nsafety: true"
    )
    path = write(tmp_path, text)
    us = load_scenario(path).node("good_end").debrief
    assert "988" in us
    monkeypatch.setenv("FACILITATOR_COURSE_COUNTRY", "GB")
    assert "116 123" in load_scenario(path).node("good_end").debrief


def test_invalid_yaml_and_missing_files(tmp_path):
    [error] = errors_for(tmp_path, "id: [unclosed\n")
    assert "not valid YAML" in error.expected and error.line
    with pytest.raises(ContentError, match="does not exist"):
        load_scenario(tmp_path / "nope.yaml")
    with pytest.raises(ContentError):
        load_scenario(write(tmp_path, VALID.replace("next: good_end", "next: x")))
