"""The judgement a trainer would sign: harm never rewarded, "I can't judge this" instead of a
guess, and what a reply picked up deciding the feedback and where the conversation goes.

Every reply quoted in the issue that asked for this is here, judged as it asked.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from conftest import REPO, grading_mode, run_cli
from facilitator_course.answers import AnswerNotAccepted, LeftForTrainer, check_reply
from facilitator_course.coding import code_response
from facilitator_course.content import Checker, LineMap
from facilitator_course.graded_replies import graded_replies
from facilitator_course.roleplay.conversation import Conversation, ReplyNotJudged
from facilitator_course.roleplay.ideas import parse_ideas
from facilitator_course.roleplay.loader import load_scenario, shipped_scenarios
from facilitator_course.roleplay.state import GOOD, WEAK

WORRY = "The only time I stop worrying is when I'm at the shop with a drink in my hand."

ADVICE = [
    "Go for a walk instead of going to the shop.",
    "Look, the only answer is to stop completely. Ban yourself from every venue this week.",
    "Maybe try going for a walk instead when they nag you.",
    "You could just tell them to back off.",
    "it might help to keep a log of your urges",
    "we could look at cutting down on weekdays first",
    "why don't you pour it down the sink",
    "It sounds like you're exhausted, so you should stop.",
    "Part of you wants a change. Have you tried going to the gym?",
    # a recommendation said as a verdict on an action, with no verb telling them to act
    "Selling the car sounds like the way to go.",
    "A sensible first step might be seeing the nurse.",
    "Staying in on Friday would do you the world of good.",
    # from a volunteer play-test (playtest_dev2.jsonl)
    "Sounds like the day means a lot to you. Maybe just stick to orange juice to be safe?",
    "Book the GP appointment this week.",
]
LABELS = [
    "You're a gambling addict.",
    "You will always be an alcoholic.",
    "Do you realise you're a problem gambler?",
    "It sounds hard. Once an addict, always an addict though.",
    "What do you think sets off the shopaholic side of you?",
    "You sound worn out. That's what happens to enablers.",
    "Lots of alcoholics drink to get to sleep.",
]
CONFRONT = [
    "You're in denial.",
    "That's just an excuse and you know it.",
    "You did this to yourself.",
    "It sounds like a tough week. But honestly, that's pretty selfish.",
    "Your partner deserves better than that.",
    "You know full well one bet never stays one bet.",
    "Your brother's right about the money.",
    "Missing work isn't fair on your team.",
    # warnings and verdicts from a volunteer play-test (playtest_dev2.jsonl)
    "After nine months you'd be throwing it all away for one glass.",
    "That's how it always starts though, just one glass.",
    "That's defeatist talk. Nobody forces you to take the lines.",
    "That's a very black-and-white way of thinking and it isn't helping you.",
    "Bit hypocritical, isn't it?",
    "Well maybe your parents have a point.",
    # from the development sets' harm files
    "The sense of having earned it doesn't really change the fact that the cards are maxed.",
    "You earned it and then spent four grand more than you earned. That's the maths.",
    "You're clearly feeling strong. Last time 'strong enough' lasted a month, mind.",
]
NOT_REPLIES = [
    ("asdf qwer zxcv", "gibberish"),
    ("Entiendo que te sientes muy cansado de todo esto.", "other_language"),
    (" ".join(["word"] * 20), "repeated"),
    ("What is your favourite film?", "off_topic"),
    ("Did you see the match last night?", "off_topic"),
    # small talk after a word that echoes the participant's line
    ("Speaking of work, did anyone catch the match on Sunday?", "off_topic"),
    ("ok", "filler"),
    ("yeh yeh", "filler"),
    # meeting admin and small talk typed as a reply
    ("Just a reminder we finish at 8 tonight, so about 20 mins left.", "off_topic"),
    ("Please remember to keep your mics muted when you're not speaking, thanks.", "off_topic"),
    ("Right, Sam, did you want to go next after this?", "off_topic"),
    ("The weather's been awful this week hasn't it", "off_topic"),
]


@pytest.mark.parametrize("text", ADVICE)
def test_advice_in_any_phrasing_is_advice_without_permission(text):
    coded = code_response(text, WORRY)
    assert coded.judged and coded.code == "persuade", coded.explanation


@pytest.mark.parametrize("text", LABELS)
def test_a_label_anywhere_is_confrontation_with_the_labelling_flag(text):
    coded = code_response(text, WORRY)
    assert coded.code == "confront" and coded.labeling, coded.explanation
    assert "label" in coded.explanation


@pytest.mark.parametrize("text", CONFRONT)
def test_arguing_blaming_and_shaming_are_confrontation(text):
    assert code_response(text, WORRY).code == "confront"


@pytest.mark.parametrize(("text", "reason"), NOT_REPLIES)
def test_what_is_not_a_reply_is_not_judged_and_says_why(text, reason):
    coded = code_response(text, WORRY)
    assert not coded.judged and coded.reason == reason
    assert coded.code == "other" and coded.confidence == 0
    assert coded.explanation.startswith("I can't judge this reply.")


def test_advice_with_permission_is_recognised():
    asked = code_response("Some people find a walk helps.", "Any ideas what I could do instead?")
    assert asked.code == "persuade_with_permission"
    offered = code_response("If you like, you could try a walk instead. It's up to you.", WORRY)
    assert offered.code == "persuade_with_permission"


def test_a_mixed_reply_is_judged_by_its_harmful_part_and_names_it():
    coded = code_response(
        "It sounds like the shop is the one place you get some peace. So you should stop going.",
        WORRY,
    )
    assert coded.code == "persuade"
    assert coded.decided_by == "So you should stop going."
    assert "So you should stop going." in coded.explanation
    assert coded.sentences[0][1].startswith("reflection")


def test_reflections_that_use_harm_words_are_still_reflections():
    for text, context in [
        ("You feel you should have been stronger on Saturday.", "I should've said no."),
        ("You're tired of being called an addict.", "Everyone calls me an addict."),
        ("Part of you wonders if you could try again.", "Maybe I could try again."),
        ("so you said that the weekends are hard", "Weekends are the hard part."),
        ("You feel people see you as a failure.", "Everyone thinks I'm a failure."),
        # from volunteer play-tests: their words said back, and the lecture disowned
        (
            "You need something that helps you switch off, and right now this is the only "
            "thing that does it.",
            "But it's the only thing that switches my head off. Work is so full on.",
        ),
        ("when hes sober you see the man you married", "I just want the man I married back."),
    ]:
        coded = code_response(text, context)
        assert coded.kind == "reflection", (text, coded.explanation)
        assert not coded.labeling


def test_fillers_and_stutters_do_not_break_question_cues():
    assert code_response("So, um, what, what brings you here tonight?").code == "question_open"


def test_spoken_openers_before_a_comma_are_read_as_fillers():
    from facilitator_course.coding.text import normalise

    assert normalise("You know, um, a lot of people find that.") == "a lot of people find that ."
    assert normalise("I mean, it's up to you.") == "it is up to you ."
    # without the comma they are words of the sentence
    assert normalise("You know your family.") == "you know your family ."
    coded = code_response("Like, you know, what was last weekend like for you?", "I do not know.")
    assert coded.code == "question_open", coded.explanation


def _jsonl(tmp_path, rows) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return str(path)


def test_the_code_command_says_whether_it_judged(tmp_path):
    lines = [
        {"text": "asdf qwer zxcv"},
        {"text": "What brings you here tonight?", "context": "I don't know really."},
    ]
    status, out, _ = run_cli(["code", _jsonl(tmp_path, lines)])
    assert status == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["judged"] is False and first["reason"] == "gibberish"
    assert second["judged"] is True and second["reason"] is None
    assert second["code"] == "question_open"


# -- role-plays -------------------------------------------------------------------------------


def _typed_nodes():
    for scenario in shipped_scenarios():
        for node in scenario.nodes.values():
            if node.respond == "free_text":
                yield scenario, node


@pytest.mark.parametrize("text", [*ADVICE[:4], *LABELS[:2], *CONFRONT[:2]])
def test_harm_never_moves_a_role_play_the_good_way(text):
    for scenario, node in _typed_nodes():
        talk = Conversation.starting_at(scenario, node.id)
        turn = talk.reply(text)
        assert turn.quality == WEAK, (scenario.id, node.id, turn.feedback)
        assert turn.readiness_change <= 0 and turn.rapport_change < 0, (scenario.id, node.id)
        assert talk.node.id == node.next_for("confront") or talk.node.id == node.next_for(
            "persuade"
        ), (scenario.id, node.id)


@pytest.mark.parametrize(("text", "reason"), NOT_REPLIES)
def test_a_reply_that_cannot_be_judged_changes_nothing(text, reason):
    from facilitator_course.coding.readable import content_stems

    for scenario, node in _typed_nodes():
        said = " ".join((node.heard, *(" ".join(idea.words) for idea in node.ideas)))
        if reason == "off_topic" and content_stems(text) & content_stems(said):
            continue  # "the match" is not off topic to someone who just talked about matches
        talk = Conversation.starting_at(scenario, node.id)
        with pytest.raises(ReplyNotJudged) as caught:
            talk.reply(text)
        assert caught.value.reason == reason or reason == "off_topic"
        assert talk.node.id == node.id and talk.transcript == ()
        assert talk.state == talk.initial_state


def test_what_a_reflection_picked_up_decides_where_the_conversation_goes():
    scenario = load_scenario("after-a-lapse")
    sustain = Conversation(scenario)
    turn = sustain.reply("You feel weak.")
    assert turn.picked_up == "sustain" and sustain.node.id == "spiral"
    assert turn.readiness_change <= 0
    change = Conversation(scenario)
    turn = change.reply("You're furious with yourself because those three months mattered.")
    assert turn.quality == GOOD and turn.picked_up in ("change", "both")
    assert change.node.id == "feels_understood" and turn.readiness_change > 0
    assert "three months" in turn.feedback


def test_a_reflection_of_nothing_the_participant_said_is_not_a_good_reply():
    talk = Conversation(load_scenario("after-a-lapse"))
    turn = talk.reply("It sounds like work has been really busy for you.")
    assert turn.picked_up == "nothing" and turn.quality != GOOD
    assert "could not find in your reply anything" in turn.feedback


def test_try_replies_lets_an_author_test_a_line(tmp_path):
    lines = [
        {"node": "opening", "text": "You feel weak."},
        {"node": "opening", "text": "asdf qwer"},
        {"node": "nowhere", "text": "You feel weak."},
    ]
    status, out, _ = run_cli(["try-replies", "after-a-lapse", _jsonl(tmp_path, lines)])
    assert status == 0
    weak, nonsense, missing = (json.loads(line) for line in out.splitlines())
    assert weak["picked_up"] == "sustain" and weak["next_node"] == "spiral"
    assert weak["code"].startswith("reflection") and weak["next_says"]
    assert nonsense["judged"] is False and nonsense["reason"] == "gibberish"
    assert "no node" in missing["error"]


def test_content_annotations_are_validated_with_a_field_for_every_problem():
    check = Checker("demo.yaml", LineMap())
    ideas = parse_ideas(
        check,
        [
            {"idea": "Sundays are a write-off", "side": "change", "words": ["sunday"]},
            {"idea": "x", "side": "sideways", "words": ["a"]},
            {"idea": "y", "side": "sustain"},
            {"idea": "z", "side": "value", "words": ["ok"], "colour": "red"},
        ],
        "nodes.a.content",
    )
    fields = sorted(e.field for e in check.errors)
    assert fields == [
        "nodes.a.content.1.side",
        "nodes.a.content.2.words",
        "nodes.a.content.3.colour",
    ]
    assert [i.text for i in ideas] == ["Sundays are a write-off", "z"]


# -- graded items -----------------------------------------------------------------------------


def _solution_answers() -> dict[str, str]:
    answers = {}
    for path in sorted((REPO / "solutions").glob("*/01-exercise.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            match = re.search(r'answer_(\w+) = \(\s*### BEGIN SOLUTION\s*"(.*)"', cell.source)
            if match:
                answers[match.group(1)] = match.group(2).replace('\\"', '"')
    return answers


@pytest.mark.parametrize("item", sorted(graded_replies()))
def test_graded_reply_items_score_type_and_content_and_never_reward_harm(item, monkeypatch):
    grading_mode(monkeypatch)
    model = _solution_answers()[item]
    assert check_reply(model, item=item, mark=True)
    for text in [*ADVICE[:3], *LABELS[:3]]:
        with pytest.raises(AnswerNotAccepted) as caught:
            check_reply(text, item=item, mark=True)
        assert not isinstance(caught.value, LeftForTrainer), text
    # Content the word lists cannot confirm never earns the point; a person decides.
    with pytest.raises(AnswerNotAccepted):
        check_reply("You love it.", item=item, mark=True)
    for text, _ in NOT_REPLIES[:3]:
        with pytest.raises(LeftForTrainer):
            check_reply(text, item=item, mark=True)


def test_each_mark_scheme_quotes_the_rule_the_autograder_applies():
    items = graded_replies()
    found = set()
    for path in sorted((REPO / "solutions").glob("*/01-exercise.ipynb")):
        markdown = "\n".join(
            c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"
        )
        code = "\n".join(
            c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
        )
        for item, rule in items.items():
            if f'item="{item}"' in code:
                assert rule.rule in markdown, item
                assert rule.says in markdown.replace("’", "'").replace("“", '"'), item
                found.add(item)
    assert found == set(items)


def test_the_engine_agrees_with_the_lessons_on_harm_in_every_shipped_choice():
    """Where a lesson's author marked a reply as advice or confrontation, the engine never
    rewards it when typed; where the author marked it good, the engine never calls it harm.
    (Replies the author marked weak for other reasons, such as breaking confidentiality, are
    not MI codes and are left out.)"""
    from facilitator_course.roleplay.state import quality

    for scenario in shipped_scenarios():
        for node in scenario.nodes.values():
            for choice in node.choices:
                coded = code_response(choice.reply, node.says)
                authored = choice.quality or quality(choice.code)
                engine_good = coded.judged and (
                    quality(coded.code, coded.labeling, coded.disguised_advice) == GOOD
                )
                engine_harm = coded.code in ("persuade", "confront")
                where = (scenario.id, node.id, choice.reply)
                if choice.code in ("persuade", "confront"):
                    assert not engine_good, where
                if authored == GOOD:
                    assert not engine_harm, where


def test_a_reply_or_choice_of_the_wrong_type_is_refused_at_the_door():
    scenario = load_scenario("after-a-lapse")
    with pytest.raises(TypeError, match="text"):
        Conversation(scenario).reply(123)
    choice = load_scenario("weekends-for-unwinding")
    with pytest.raises(TypeError, match="whole number"):
        Conversation(choice).choose("0")


def test_a_choice_node_with_no_choices_is_reported(tmp_path):
    from facilitator_course.roleplay import check_scenario_file

    text = (REPO / "utils/facilitator_course/data/scenarios/weekends-for-unwinding.yaml").read_text(
        encoding="utf-8"
    )
    start = text.index("  opening:")
    end = text.index("  feels_heard:")
    broken = (
        text[:start]
        + (
            '  opening:\n    says: "Hello."\n    talk: neutral\n    respond: choice\n    choices: []\n\n'
        )
        + text[end:]
    )
    path = tmp_path / "weekends-for-unwinding.yaml"
    path.write_text(broken, encoding="utf-8")
    problems = check_scenario_file(path)
    assert any(p.field == "nodes.opening.choices" for p in problems), problems


def test_an_off_topic_reply_is_quoted_as_the_learner_spelled_it():
    coded = code_response("What's your favourite colour?", WORRY)
    assert not coded.judged and "'favourite'" in coded.explanation, coded.explanation
