"""Mistakes in content files that YAML itself lets through are caught, with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_course.content import ContentError, load_yaml
from facilitator_course.course import load_course
from facilitator_course.meeting.schema import check_meeting_file, load_meeting
from test_meeting_simulator import MINIMAL


def _write(tmp_path: Path, text: str, name: str = "small.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_key_written_twice_is_refused_with_both_lines(tmp_path):
    path = _write(tmp_path, "id: first\ntitle: T\nid: second\n")
    with pytest.raises(ContentError) as caught:
        load_yaml(path)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(path), 3, "id")
    assert "appears twice" in error.expected and "line 1" in error.expected
    assert str(error).startswith(f"{path}, line 3: field 'id' appears twice")


def test_a_nested_duplicate_names_its_full_field(tmp_path):
    text = "nodes:\n  opening:\n    say: hi\n    next: end\n    say: bye\n"
    with pytest.raises(ContentError) as caught:
        load_yaml(_write(tmp_path, text))
    assert (caught.value.line, caught.value.field) == (5, "nodes.opening.say")


def test_the_same_key_in_different_blocks_is_fine(tmp_path):
    text = "a:\n  id: x\nb:\n  id: y\nitems:\n  - {id: 1}\n  - {id: 2}\nbase: &b {k: 1}\nuse:\n  <<: *b\n  j: 2\n"
    data, _ = load_yaml(_write(tmp_path, text))
    assert data["a"]["id"] == "x" and data["b"]["id"] == "y" and data["use"] == {"k": 1, "j": 2}


def test_a_meeting_with_two_ids_gets_the_duplicate_message_not_a_misleading_one(tmp_path):
    text = MINIMAL.replace("id: small\n", "id: small\nid: other\n", 1)
    errors = check_meeting_file(_write(tmp_path, text))
    assert len(errors) == 1, errors
    assert (errors[0].line, errors[0].field) == (2, "id")
    assert "appears twice" in errors[0].expected
    assert "file name" not in errors[0].expected  # what the last-wins reading used to say


def test_a_duplicate_in_course_yml_is_refused(tmp_path):
    repo = Path(__file__).resolve().parents[1]
    course_dir = tmp_path / "repo" / "course"
    course_dir.mkdir(parents=True)
    original = (repo / "course" / "course.yml").read_text(encoding="utf-8")
    (course_dir / "course.yml").write_text(
        original + "\nid: facilitator-course\n", encoding="utf-8"
    )
    for folder in ("solutions", "modules"):
        (tmp_path / "repo" / folder).mkdir()
    with pytest.raises(ContentError, match="appears twice"):
        load_course(tmp_path / "repo")


@pytest.mark.parametrize("choices", ["[]", "[{action: Only one., handling: good, feedback: F.}]"])
def test_an_event_with_fewer_than_two_choices_is_refused(tmp_path, choices):
    """`choices: []` used to pass: the learner had nothing to click and the event (a safety
    event included) silently vanished from the meeting."""
    start = MINIMAL.index("        choices:")
    text = MINIMAL[:start] + f"        choices: {choices}\n" + MINIMAL[MINIMAL.index("  agenda:") :]
    path = _write(tmp_path, text)
    errors = [e for e in check_meeting_file(path) if e.field.endswith("choices")]
    assert errors, check_meeting_file(path)
    assert errors[0].field == "elements.check_in.events.0.choices"
    assert "at least two options" in errors[0].expected and errors[0].line is not None
    with pytest.raises(ContentError):
        load_meeting(path)


def test_a_safety_event_with_no_choices_does_not_vanish(tmp_path):
    text = MINIMAL.replace("kind: crosstalk", "kind: suicide_disclosure")
    start = text.index("        choices:")
    text = text[:start] + "        choices: []\n" + text[text.index("  agenda:") :]
    errors = check_meeting_file(_write(tmp_path, text))
    assert any("at least two options" in e.expected for e in errors), errors
