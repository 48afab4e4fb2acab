"""The trainers' authoring guide: its worked example is a real scenario that passes the checker."""

from __future__ import annotations

import re
from pathlib import Path

from facilitator_course.cli import main
from facilitator_course.roleplay import Conversation, check_scenario_file, load_scenario

GUIDE = Path(__file__).resolve().parents[1] / "course" / "docs" / "authoring-scenarios.md"
YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


def complete_examples() -> list[str]:
    """Every YAML block in the guide that is a whole scenario (starts with `id:`)."""
    return [b for b in YAML_BLOCK.findall(GUIDE.read_text(encoding="utf-8")) if b.startswith("id:")]


def test_the_worked_example_passes_the_checker_and_plays_to_a_good_ending(tmp_path, capsys):
    examples = complete_examples()
    assert examples, "the guide has no complete scenario in a ```yaml block"
    for text in examples:
        scenario_id = re.match(r"id:\s*(\S+)", text).group(1)
        path = tmp_path / f"{scenario_id}.yaml"
        path.write_text(text, encoding="utf-8")
        assert check_scenario_file(path) == []
        assert main(["check", str(path)]) == 0
        talk = Conversation(load_scenario(path))
        while not talk.finished:
            talk.choose(0)  # the example lists the MI-consistent reply first
        assert talk.node.outcome == "good"
    assert "passed" in capsys.readouterr().out


def test_the_error_listing_in_the_guide_matches_the_checker(tmp_path):
    """The guide shows the checker's output for a broken copy; keep it true."""
    text = complete_examples()[0]
    broken = text.replace("        feedback: >", "        feedbak: >", 1).replace(
        "next: yes_but\n", "next: yes_butt\n"
    )
    path = tmp_path / "first-week-vaping.yaml"
    path.write_text(broken, encoding="utf-8")
    shown = [
        line.removeprefix("ERROR first-week-vaping.yaml")
        for line in GUIDE.read_text(encoding="utf-8").splitlines()
        if line.startswith("ERROR ")
    ]
    actual = [str(e).removeprefix(str(path)) for e in check_scenario_file(path)]
    assert shown == actual
