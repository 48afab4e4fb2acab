"""Meeting simulation files: validation with file, line, field and what was expected."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..content import Checker, ContentError, check_yaml_file, load_yaml, yaml_files
from ..paths import data_dir
from ..roleplay.schema import (
    KNOWN_BEHAVIOURS,
    one_of,
    optional_text,
    require_feedback,
    unknown_fields,
    whole_number,
)
from ..roleplay.text import fill_placeholders, report_text_problems
from .format import ELEMENT_KEYS, MEETING_ELEMENTS, MEETING_MINUTES
from .model import (
    EVENT_KINDS,
    GOOD,
    HANDLING_POINTS,
    SAFETY_KINDS,
    ElementPlan,
    Meeting,
    MeetingChoice,
    MeetingEvent,
    Participant,
)

TOP_FIELDS = (
    "id",
    "title",
    "difficulty",
    "harder_because",
    "about",
    "setting",
    "participants",
    "start_climate",
    "elements",
)
PARTICIPANT_FIELDS = ("name", "changing", "note")
ELEMENT_FIELDS = ("planned", "scene", "events")
EVENT_FIELDS = ("id", "kind", "who", "situation", "safety", "choices")
CHOICE_FIELDS = ("action", "minutes", "climate", "handling", "feedback")
MIN_PARTICIPANTS, MAX_PARTICIPANTS = 4, 8
MAX_EXTRA_MINUTES = 30
MAX_CLIMATE_CHANGE = 40
MAX_DIFFICULTY = 5  # three levels ship; room for a trainer's own meetings between or above them


def _participants(check: Checker, raw: Any) -> tuple[Participant, ...]:
    people = []
    if not isinstance(raw, list):
        check.error("participants", "should be a list of people (lines starting with '-')")
        return ()
    if not MIN_PARTICIPANTS <= len(raw) <= MAX_PARTICIPANTS:
        check.error(
            "participants",
            f"should list {MIN_PARTICIPANTS} to {MAX_PARTICIPANTS} participants (found {len(raw)})",
        )
    names = set()
    for index, item in enumerate(raw):
        where = f"participants.{index}"
        unknown_fields(check, item, PARTICIPANT_FIELDS, where)
        name = check.require(item, "name", str, where)
        changing = check.require(item, "changing", str, where)
        if changing and changing not in KNOWN_BEHAVIOURS and not changing.startswith("other:"):
            check.error(
                f"{where}.changing",
                f"should be one of: {', '.join(KNOWN_BEHAVIOURS)}, or 'other: <what>'",
            )
        if name in names:
            check.error(f"{where}.name", f"'{name}' appears twice; names must be unique")
        names.add(name)
        if name and changing:
            people.append(Participant(name, changing, optional_text(check, item, "note", where)))
    return tuple(people)


def _choice(check: Checker, raw: Any, where: str) -> MeetingChoice | None:
    if not isinstance(raw, dict):
        check.error(where, "should be a mapping with action, minutes, climate, handling, feedback")
        return None
    unknown_fields(check, raw, CHOICE_FIELDS, where)
    action = check.require(raw, "action", str, where)
    minutes = whole_number(check, raw, "minutes", where, -10, MAX_EXTRA_MINUTES)
    climate = whole_number(check, raw, "climate", where, -MAX_CLIMATE_CHANGE, MAX_CLIMATE_CHANGE)
    handling = check.require(raw, "handling", str, where)
    one_of(check, handling, list(HANDLING_POINTS), f"{where}.handling")
    feedback = require_feedback(check, raw, where)
    if not (action and handling in HANDLING_POINTS and feedback):
        return None
    return MeetingChoice(
        " ".join(action.split()), minutes, climate, handling, " ".join(feedback.split())
    )


def _event(check: Checker, raw: Any, where: str, names: set[str]) -> MeetingEvent | None:
    if not isinstance(raw, dict):
        check.error(where, "should be a mapping with id, kind, situation, choices")
        return None
    unknown_fields(check, raw, EVENT_FIELDS, where)
    event_id = check.require(raw, "id", str, where)
    kind = check.require(raw, "kind", str, where)
    one_of(check, kind, list(EVENT_KINDS), f"{where}.kind")
    situation = check.require(raw, "situation", str, where)
    who = raw.get("who", "")
    if who and who not in names:
        check.error(f"{where}.who", f"should name one of the participants: {', '.join(names)}")
    safety = raw.get("safety", kind in SAFETY_KINDS)
    if kind in SAFETY_KINDS and safety is not True:
        check.error(
            f"{where}.safety",
            f"{EVENT_KINDS[kind]} is always a safety incident; remove 'safety: false'",
        )
    raw_choices = check.require(raw, "choices", list, where)
    if raw_choices is not None and len(raw_choices) < 2:
        # an empty list would leave the learner with nothing to click and drop the event
        # (a safety event included) from the meeting without a word
        check.error(
            f"{where}.choices", f"should offer at least two options (found {len(raw_choices)})"
        )
    raw_choices = raw_choices or []
    choices = [
        c
        for i, item in enumerate(raw_choices)
        if (c := _choice(check, item, f"{where}.choices.{i}"))
    ]
    if choices and not any(c.handling == GOOD for c in choices):
        check.error(f"{where}.choices", "needs at least one option with 'handling: good'")
    if (
        kind == "suicide_disclosure"
        and choices
        and not any("{crisis_line}" in c.action + c.feedback for c in choices if c.handling == GOOD)
    ):
        check.error(
            f"{where}.choices",
            "the good option for a suicide disclosure should refer to "
            "crisis resources with {crisis_line}",
        )
    if not (event_id and kind in EVENT_KINDS and situation and choices):
        return None
    return MeetingEvent(
        event_id, kind, " ".join(situation.split()), tuple(choices), who or "", bool(safety)
    )


def _elements(check: Checker, raw: Any, names: set[str]) -> tuple[ElementPlan, ...]:
    if not isinstance(raw, dict):
        check.error(
            "elements",
            "should map each of the six elements (" + ", ".join(ELEMENT_KEYS) + ") to its plan",
        )
        return ()
    keys = [str(k) for k in raw]
    for key in keys:
        if key not in ELEMENT_KEYS:
            check.error(
                f"elements.{key}",
                "is not a meeting element; the elements are: " + ", ".join(ELEMENT_KEYS),
            )
    missing = [k for k in ELEMENT_KEYS if k not in raw]
    if missing:
        check.error(
            "elements", "is missing " + ", ".join(missing) + "; a meeting has all six elements"
        )
    known = [k for k in keys if k in ELEMENT_KEYS]
    if known != [k for k in ELEMENT_KEYS if k in known]:
        check.error(
            "elements", "should list the elements in meeting order: " + ", ".join(ELEMENT_KEYS)
        )
    plans, event_ids = [], set()
    for element in MEETING_ELEMENTS:
        item = raw.get(element.key)
        if item is None:
            continue
        where = f"elements.{element.key}"
        if not isinstance(item, dict):
            check.error(where, "should be a mapping with planned, scene and events")
            continue
        unknown_fields(check, item, ELEMENT_FIELDS, where)
        planned = whole_number(
            check,
            item,
            "planned",
            where,
            element.min_minutes,
            element.max_minutes,
            default=element.min_minutes,
        )
        scene = check.require(
            item, "scene", str, where, expected="is missing: a sentence or two setting the scene"
        )
        events = []
        for index, raw_event in enumerate(item.get("events") or []):
            event = _event(check, raw_event, f"{where}.events.{index}", names)
            if event:
                if event.id in event_ids:
                    check.error(f"{where}.events.{index}.id", f"'{event.id}' is used twice")
                event_ids.add(event.id)
                events.append(event)
        plans.append(ElementPlan(element, planned, " ".join((scene or "").split()), tuple(events)))
    total = sum(p.planned for p in plans)
    if total > MEETING_MINUTES:
        check.error(
            "elements", f"planned minutes add up to {total}; the meeting lasts {MEETING_MINUTES}"
        )
    return tuple(plans)


def _text_checks(check: Checker, meeting: Meeting) -> None:
    texts = [
        ("title", meeting.title, True),
        ("harder_because", meeting.harder_because, True),
        ("about", meeting.about, True),
        ("setting", meeting.setting, True),
    ]
    for plan in meeting.elements:
        where = f"elements.{plan.element.key}"
        texts.append((f"{where}.scene", plan.scene, True))
        for index, event in enumerate(plan.events):
            ewhere = f"{where}.events.{index}"
            texts.append((f"{ewhere}.situation", event.situation, False))
            for cindex, choice in enumerate(event.choices):
                texts.append((f"{ewhere}.choices.{cindex}.action", choice.action, False))
                texts.append((f"{ewhere}.choices.{cindex}.feedback", choice.feedback, True))
    report_text_problems(check, texts)


def _difficulty(check: Checker, data: dict) -> tuple[int, str]:
    """The meeting's level on the ladder and, above level 1, the one line that says what makes
    it harder than the level below (the lesson and the simulator show it to the learner)."""
    if "difficulty" not in data:
        check.error(
            "difficulty",
            f"is missing: the meeting's level, a whole number from 1 (easiest) to {MAX_DIFFICULTY}",
        )
        return 1, ""
    level = data["difficulty"]
    if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= MAX_DIFFICULTY:
        check.error(
            "difficulty", f"should be a whole number from 1 to {MAX_DIFFICULTY} (found {level!r})"
        )
        level = 1
    harder = optional_text(check, data, "harder_because", "")
    if level > 1 and not harder.strip():
        check.error(
            "harder_because",
            "is missing: one line saying what makes this meeting harder than the level below",
        )
    return level, harder


def parse_meeting(check: Checker, data: Any, path: Path) -> Meeting | None:
    if not isinstance(data, dict):
        check.error("", "should be a mapping with id, title, participants and elements")
        return None
    unknown_fields(check, data, TOP_FIELDS, "")
    meeting_id = check.require(data, "id", str)
    title = check.require(data, "title", str)
    about = check.require(data, "about", str)
    setting = check.require(data, "setting", str)
    climate = whole_number(check, data, "start_climate", "", 0, 100, default=60)
    difficulty, harder = _difficulty(check, data)
    people = _participants(check, data.get("participants"))
    plans = _elements(check, data.get("elements"), {p.name for p in people})
    if meeting_id and meeting_id != path.stem:
        check.error("id", f"should match the file name: '{path.stem}' (found '{meeting_id}')")
    if not plans or not any(plan.events for plan in plans):
        check.error("elements", "should contain at least one event to handle")
    if not all((meeting_id, title, about, setting)) or len(plans) != len(ELEMENT_KEYS):
        return None
    meeting = Meeting(
        meeting_id,
        " ".join(title.split()),
        " ".join(about.split()),
        " ".join(setting.split()),
        people,
        plans,
        climate,
        str(path),
        difficulty=difficulty,
        harder_because=" ".join(harder.split()),
    )
    _text_checks(check, meeting)
    return meeting


def check_meeting_file(path: Path | str) -> list[ContentError]:
    """Every problem in one meeting file, including a level it shares with a meeting beside it
    (the meetings in one folder form one ladder of rising difficulty)."""
    from .ladder import shared_levels

    return check_yaml_file(path, parse_meeting) + shared_levels(Path(path))


def meetings_dir() -> Path:
    return data_dir() / "meetings"


def meeting_paths() -> list[Path]:
    return yaml_files(meetings_dir())


def _filled(meeting: Meeting, country: str | None) -> Meeting:
    def fill(text: str) -> str:
        return fill_placeholders(text, country)

    plans = tuple(
        replace(
            plan,
            scene=fill(plan.scene),
            events=tuple(
                replace(
                    event,
                    situation=fill(event.situation),
                    choices=tuple(
                        replace(c, action=fill(c.action), feedback=fill(c.feedback))
                        for c in event.choices
                    ),
                )
                for event in plan.events
            ),
        )
        for plan in meeting.elements
    )
    return replace(meeting, elements=plans)


def load_meeting(name_or_path: str | Path, country: str | None = None) -> Meeting:
    """Load and check a meeting simulation by id or path; raise the first ContentError."""
    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        path = meetings_dir() / f"{name_or_path}.yaml"
    if not path.is_file():
        raise ContentError(
            str(path),
            None,
            "",
            "does not exist; shipped meetings are: " + ", ".join(p.stem for p in meeting_paths()),
        )
    data, lines = load_yaml(path)
    check = Checker(path, lines)
    meeting = parse_meeting(check, data, path)
    if check.errors:
        raise check.errors[0]
    assert meeting is not None
    return _filled(meeting, country)
