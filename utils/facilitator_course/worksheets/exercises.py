"""Worked exercises for each worksheet, with a reference answer to compare against.

Each exercise is a short situation about a fictional person; the learner fills the worksheet as
if helping that person in a meeting (never about themselves unless they choose to).
"""

from __future__ import annotations

from .reference import Idea, ReferenceAnswer


def _ideas(*pairs: tuple[str, tuple[str, ...]]) -> tuple[Idea, ...]:
    return tuple(Idea(label, words) for label, words in pairs)


REFERENCE_ANSWERS: dict[str, ReferenceAnswer] = {}


def _add(answer: ReferenceAnswer) -> None:
    REFERENCE_ANSWERS[answer.id] = answer


_add(
    ReferenceAnswer(
        id="abc-after-a-lapse",
        worksheet="abc",
        title="ABC after a lapse",
        situation=(
            "Jo had been alcohol-free for four months. At a friend's wedding she drank several "
            "glasses of wine. The next morning she tells the group: 'I've blown it. I should have "
            "been stronger. I'm useless at this and I can't face another day feeling like this.' "
            "She says she wanted to keep drinking to stop the feeling."
        ),
        labels={
            "a": "A: Activating event",
            "b": "B: Beliefs",
            "c": "C: Consequences",
            "d": "D: Dispute",
            "e": "E: Effective new belief",
        },
        model={
            "a": "At my friend's wedding I drank wine after four months without alcohol.",
            "b": "I should have been stronger. I've blown everything. I'm useless at this. I can't "
            "stand feeling like this.",
            "c": "Ashamed and low (8 out of 10). A strong urge to keep drinking to stop the feeling. "
            "I stayed in bed and ignored my friends' messages.",
            "d": "Where is the evidence that one evening wipes out four months? Does drinking once "
            "make me useless as a whole person? Does telling myself this help me stay "
            "alcohol-free, or push me towards another drink?",
            "e": "I would much rather not have drunk at the wedding, but I did, and I can learn from "
            "it. A lapse is a setback, not the end of my progress. I'm a fallible human, not a "
            "useless one. This feeling is hard, but I can stand it.",
        },
        ideas={
            "a": _ideas(
                (
                    "the event itself (the drinking at the wedding)",
                    ("drank", "drink", "wine", "wedding", "alcohol"),
                )
            ),
            "b": _ideas(
                ("a demand ('should', 'must')", ("should", "must", "have to", "ought")),
                (
                    "a global rating of herself",
                    ("useless", "failure", "worthless", "loser", "hopeless"),
                ),
                (
                    "awfulizing or 'I can't stand it'",
                    (
                        "can't stand",
                        "cannot stand",
                        "can't face",
                        "blown",
                        "ruined",
                        "awful",
                        "terrible",
                        "unbearable",
                    ),
                ),
            ),
            "c": _ideas(
                (
                    "the emotion",
                    ("ashamed", "shame", "guilt", "low", "sad", "depressed", "anxious", "down"),
                ),
                (
                    "the behaviour or urge",
                    ("urge", "craving", "keep drinking", "bed", "hid", "avoid", "ignored"),
                ),
            ),
            "d": _ideas(
                (
                    "an empirical question (evidence)",
                    ("evidence", "proof", "prove", "true", "fact"),
                ),
                (
                    "a logical question (does it follow)",
                    ("follow", "make me", "mean", "logical", "does one"),
                ),
                (
                    "a pragmatic question (does it help)",
                    ("help", "useful", "helpful", "get me", "push me"),
                ),
            ),
            "e": _ideas(
                (
                    "a preference instead of a demand",
                    ("rather", "prefer", "would like", "wish", "want to"),
                ),
                (
                    "self-acceptance",
                    (
                        "fallible",
                        "human",
                        "not useless",
                        "not a failure",
                        "learn",
                        "setback",
                        "mistake",
                    ),
                ),
                (
                    "tolerating the feeling",
                    ("can stand", "can bear", "can cope", "hard, but", "hard but", "uncomfortable"),
                ),
            ),
        },
    )
)

_add(
    ReferenceAnswer(
        id="cba-weekend-drinking",
        worksheet="cba",
        title="Cost-Benefit Analysis of weekend drinking",
        situation=(
            "Sam drinks heavily on Friday and Saturday nights with friends. He says it's how he "
            "unwinds after a hard week, but his partner is unhappy, Sundays are lost to hangovers "
            "and he has noticed he spends a lot. He isn't sure he wants to stop."
        ),
        labels={
            "benefits_doing": "Benefits of doing it",
            "costs_doing": "Costs of doing it",
            "benefits_stopping": "Benefits of stopping",
            "costs_stopping": "Costs of stopping",
        },
        model={
            "benefits_doing": "Unwinding after the week (short)\nFeeling part of the group (short)\n"
            "Something to look forward to (short)",
            "costs_doing": "Sundays lost to hangovers (short)\nArguments with my partner (long)\n"
            "Money spent (long)\nHealth worries (long)",
            "benefits_stopping": "Clear-headed Sundays with my partner (short)\nSaving money (long)"
            "\nBetter health and sleep (long)",
            "costs_stopping": "Not knowing how to unwind (short)\nFeeling left out by friends "
            "(short)\nBoredom at weekends (short)",
        },
        ideas={
            "benefits_doing": _ideas(
                ("relaxing or unwinding", ("relax", "unwind", "stress", "switch off", "calm")),
                ("the social side", ("friend", "social", "group", "fun", "fit in", "part of")),
            ),
            "costs_doing": _ideas(
                ("hangovers and lost time", ("hangover", "sunday", "tired", "lost day")),
                ("the relationship", ("partner", "argument", "relationship", "family")),
                ("money", ("money", "spend", "cost", "expensive", "£", "$")),
                ("health", ("health", "liver", "weight", "sleep", "heart")),
            ),
            "benefits_stopping": _ideas(
                ("time and energy back", ("sunday", "energy", "clear", "morning", "time")),
                ("money saved", ("money", "saving", "save")),
                (
                    "health or relationship gains",
                    ("health", "sleep", "partner", "relationship", "family"),
                ),
            ),
            "costs_stopping": _ideas(
                ("losing a way to unwind", ("unwind", "relax", "stress", "cope")),
                ("social cost", ("friend", "left out", "social", "awkward", "miss out")),
                ("boredom or emptiness", ("bored", "boredom", "empty", "nothing to do")),
            ),
        },
    )
)

_add(
    ReferenceAnswer(
        id="change-plan-gambling",
        worksheet="change_plan",
        title="Change Plan for online betting",
        situation=(
            "Alex, 52, bets online most evenings, mainly on football. After a month where the "
            "rent was paid late, Alex wants to stop betting for three months and see how it goes. "
            "Alex's sister knows about the debts and has offered help."
        ),
        labels={
            "changes": "The changes I want to make",
            "reasons": "My most important reasons",
            "steps": "The steps I plan to take",
            "helpers": "How other people can help",
            "signs": "How I'll know it's working",
            "obstacles": "What could interfere",
        },
        model={
            "changes": "Stop all betting for three months, starting this Monday.",
            "reasons": "Paying the rent on time and clearing my debts. Not lying to my sister. "
            "Sleeping without checking scores.",
            "steps": "Tonight: delete the betting apps and sign up for self-exclusion.\nThis week: "
            "ask the bank to block gambling payments.\nEvery Thursday: go to a meeting.",
            "helpers": "My sister can hold my cards on match days. The group can hear my weekly "
            "plan.",
            "signs": "Rent paid on time; money left at the end of the month; no secret accounts.",
            "obstacles": "Big matches and payday. If there's a big match, then I'll watch it at my "
            "sister's with my phone in the other room.",
        },
        ideas={
            "changes": _ideas(
                (
                    "a clear change with a time frame",
                    ("stop", "quit", "no bet", "month", "week", "from"),
                )
            ),
            "reasons": _ideas(
                ("money or debts", ("rent", "debt", "money", "bills")),
                ("relationships or honesty", ("sister", "family", "lying", "honest", "trust")),
            ),
            "steps": _ideas(
                ("blocking access", ("delete", "self-exclusion", "block", "exclude", "app")),
                (
                    "a step with a time",
                    ("tonight", "today", "this week", "monday", "every", "thursday", "tomorrow"),
                ),
                ("support from meetings or others", ("meeting", "group", "sister", "call")),
            ),
            "helpers": _ideas(
                ("a named person and what they will do", ("sister", "partner", "friend", "group"))
            ),
            "signs": _ideas(
                ("a sign you can observe", ("rent", "money", "paid", "debt", "sleep", "account"))
            ),
            "obstacles": _ideas(
                (
                    "a high-risk situation",
                    ("match", "payday", "bored", "stress", "weekend", "alone"),
                ),
                ("a plan for it", ("if", "then", "instead", "plan")),
            ),
        },
    )
)

_add(
    ReferenceAnswer(
        id="hov-late-night-gaming",
        worksheet="hov",
        title="Hierarchy of Values and late-night gaming",
        situation=(
            "Kai, 21, plays online games most nights until 4 a.m. Kai says the things that matter "
            "most are friends, family, finishing college, fitness and music. Kai has missed "
            "lectures, stopped going to the gym and rarely picks up the guitar now."
        ),
        labels={
            "values": "My values",
            "behaviour": "The behaviour",
            "effects": "How it affects each value",
        },
        model={
            "values": "Friends\nFamily\nFinishing college\nFitness\nMusic",
            "behaviour": "Gaming until 4 a.m. most nights",
            "effects": "Friends: I mostly see them online now\nFamily: I'm asleep when they're up\n"
            "Finishing college: missed lectures\nFitness: stopped the gym\nMusic: the "
            "guitar sits in the corner",
        },
        ideas={
            "values": _ideas(
                (
                    "the person's own values, in order",
                    ("friend", "family", "college", "fitness", "music"),
                )
            ),
            "behaviour": _ideas(
                ("the behaviour named concretely", ("gaming", "games", "playing", "night"))
            ),
            "effects": _ideas(
                (
                    "time and sleep taken from other things",
                    ("asleep", "sleep", "time", "night", "tired"),
                ),
                ("study or work", ("lecture", "college", "class", "study")),
                ("health", ("gym", "fitness", "exercise")),
                ("relationships", ("friend", "family")),
            ),
        },
    )
)

_add(
    ReferenceAnswer(
        id="urge-log-first-week",
        worksheet="urge_log",
        title="Urge log: a first week",
        situation=(
            "Priya is cutting out vaping. Over a week she notices urges: after her morning coffee "
            "(strong, about 10 minutes, she went for a short walk), during a stressful call at work "
            "(very strong, she chewed gum), when a colleague went out to vape (medium, she joined "
            "them and vaped), after dinner (medium, she washed up) and again during stress at work "
            "(strong, she breathed slowly for two minutes). Log her week and look for patterns."
        ),
        labels={"entries": "The log"},
        model={
            "entries": "Mon 08:00 | 7 | after coffee | 10 min | short walk | did not vape\n"
            "Tue 14:00 | 9 | stressful call | 15 min | chewed gum | did not vape\n"
            "Wed 12:30 | 5 | colleague vaping | 5 min | went with them | vaped\n"
            "Thu 19:30 | 5 | after dinner | 8 min | washed up | did not vape\n"
            "Fri 15:00 | 8 | stress at work | 10 min | slow breathing | did not vape",
        },
        ideas={
            "entries": _ideas(
                ("coffee as a trigger", ("coffee",)),
                ("stress as a trigger", ("stress",)),
                ("other people vaping as a trigger", ("colleague", "others", "friend")),
                ("coping actions", ("walk", "gum", "breath", "wash")),
            ),
        },
    )
)


def reference_answer(exercise_id: str) -> ReferenceAnswer:
    try:
        return REFERENCE_ANSWERS[exercise_id]
    except KeyError:
        raise KeyError(
            f"no reference answer '{exercise_id}'; available: " + ", ".join(REFERENCE_ANSWERS)
        ) from None


def reference_answers(worksheet: str | None = None) -> list[ReferenceAnswer]:
    return [r for r in REFERENCE_ANSWERS.values() if worksheet is None or r.worksheet == worksheet]
