"""Group meeting files: validation with file, line, field and what was expected.

The same conventions as scenarios and meeting simulations (roleplay/schema.py, meeting/schema.py):
every problem is collected, crisis numbers come from placeholders, the course's own voice uses no
identity labels. On top: the six phases in order, each within its element's time budget from
meeting/format.py, every incident kind present with a way to handle it that the engine can
recognise, and a disclosure whose words the course's escalation rule (safety.escalation_for) sees.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..content import Checker, ContentError, check_yaml_file, load_yaml, yaml_files
from ..meeting.format import MEETING_MINUTES, element
from ..paths import data_dir
from ..roleplay.schema import KNOWN_BEHAVIOURS, MODULE_ID, one_of, unknown_fields, whole_number
from ..roleplay.text import fill_placeholders, report_text_problems
from ..safety import escalation_for
from .model import (
    CAPSTONE,
    INCIDENT_KINDS,
    KINDS,
    PHASE_ELEMENT,
    PHASES,
    PRACTICE,
    TOOLS,
    GroupMeeting,
    Incident,
    Line,
    Persona,
    Phase,
)
from .moves import GROUP_MOVES
from .practice import FOCUS

TOP_FIELDS = ("id", "kind", "module", "focus", "title", "about", "setting", "tool", "participants",
              "phases", "incidents")  # fmt: skip
PERSONA_FIELDS = ("name", "changing", "background", "quiet", "says", "reacts")
SAYS_FIELDS = ("check_in", "working_time", "check_out")
REACT_FIELDS = ("to_reflection", "to_advice", "to_confrontation", "to_link")
PHASE_FIELDS = ("minutes", "moves", "scene", "board")
INCIDENT_FIELDS = (
    "id", "kind", "phase", "after", "who", "quiet", "needs", "within",
    "says", "again", "handled", "missed", "harmed", "extra_minutes",
)  # fmt: skip
MIN_PARTICIPANTS, MAX_PARTICIPANTS = 5, 8
PRACTICE_PARTICIPANTS = (3, 4)  # a short group practice: a small circle, easy to keep in mind
PRACTICE_MOVES = (4, 12)  # a practice's planned moves (all its phases): about 5 to 10


def _text(check: Checker, raw: Any, key: str, where: str) -> str:
    value = check.require(raw, key, str, where)
    return " ".join(value.split()) if value else ""


def _lines(check: Checker, raw: Any, where: str, names: set[str]) -> tuple[Line, ...]:
    """A list of {who, says}; who may be empty for narration."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        check.error(where, 'should be a list of lines such as - {who: Sam, says: "..."}')
        return ()
    lines = []
    for index, item in enumerate(raw):
        at = f"{where}.{index}"
        if not isinstance(item, dict):
            check.error(at, "should be a mapping with 'who' and 'says'")
            continue
        unknown_fields(check, item, ("who", "says"), at)
        who = item.get("who", "") or ""
        if who and who not in names:
            check.error(f"{at}.who", f"should name a participant: {', '.join(sorted(names))}")
        says = _text(check, item, "says", at)
        if says:
            lines.append(Line(str(who), says))
    return tuple(lines)


def _persona(
    check: Checker, raw: Any, where: str, turns: tuple[str, ...] = SAYS_FIELDS
) -> Persona | None:
    """`turns`: the phases whose lines are required (a practice needs only the ones it has)."""
    if not isinstance(raw, dict):
        check.error(where, "should be a mapping with name, changing, background, says, reacts")
        return None
    unknown_fields(check, raw, PERSONA_FIELDS, where)
    name, background = _text(check, raw, "name", where), _text(check, raw, "background", where)
    changing = _text(check, raw, "changing", where)
    if changing and changing not in KNOWN_BEHAVIOURS and not changing.startswith("other:"):
        check.error(f"{where}.changing", f"should be one of: {', '.join(KNOWN_BEHAVIOURS)}")
    quiet = raw.get("quiet", False)
    if not isinstance(quiet, bool):
        check.error(f"{where}.quiet", "should be true or false")
    says = check.require(raw, "says", dict, where) or {}
    reacts = check.require(raw, "reacts", dict, where) or {}
    unknown_fields(check, says, SAYS_FIELDS, f"{where}.says")
    unknown_fields(check, reacts, REACT_FIELDS, f"{where}.reacts")
    check_in, check_out = (
        _text(check, says, key, f"{where}.says") if key in turns or key in says else ""
        for key in ("check_in", "check_out")
    )
    working = says.get("working_time", [] if "working_time" not in turns else None)
    if ("working_time" in turns or working) and (
        not isinstance(working, list)
        or not working
        or not all(isinstance(x, str) and x.strip() for x in working)
    ):
        check.error(f"{where}.says.working_time", "should be a list of one or more lines")
        working = []
    r = {key: _text(check, reacts, key, f"{where}.reacts") for key in REACT_FIELDS}
    lines = {"check_in": check_in, "working_time": working, "check_out": check_out}
    if not (name and changing and background and all(lines[k] for k in turns) and all(r.values())):
        return None
    return Persona(
        name, changing, background, bool(quiet), check_in,
        tuple(" ".join(x.split()) for x in working), check_out, **r,
    )  # fmt: skip


def _phases(check: Checker, raw: Any, names: set[str], all_six: bool = True) -> tuple[Phase, ...]:
    if not isinstance(raw, dict):
        check.error("phases", "should map each phase (" + ", ".join(PHASES) + ") to its plan")
        return ()
    for key in raw:
        if key not in PHASES:
            check.error(f"phases.{key}", "is not a phase; the phases are: " + ", ".join(PHASES))
    missing = [k for k in PHASES if k not in raw]
    if missing and all_six:
        check.error("phases", "is missing " + ", ".join(missing) + "; a meeting has all six")
    if [k for k in raw if k in PHASES] != [k for k in PHASES if k in raw]:
        check.error("phases", "should list the phases in meeting order: " + ", ".join(PHASES))
    phases: list[Phase] = []
    for key in PHASES:
        item, where = raw.get(key), f"phases.{key}"
        if not isinstance(item, dict):
            if key in raw:
                check.error(where, "should be a mapping with minutes, moves and scene")
            continue
        unknown_fields(check, item, PHASE_FIELDS, where)
        budget = element(PHASE_ELEMENT[key])
        minutes = whole_number(check, item, "minutes", where, 1, budget.max_minutes)
        moves = whole_number(check, item, "moves", where, 1, 20)
        scene = _text(check, item, "scene", where)
        board = _lines(check, item.get("board"), f"{where}.board", names)
        if key == "working_time" and not board:
            check.error(f"{where}.board", "should list what the group adds to the tool")
        if minutes and moves and scene:
            phases.append(Phase(key, minutes, moves, scene, board))
    for shared in {PHASE_ELEMENT[p.key] for p in phases}:
        used = sum(p.minutes for p in phases if PHASE_ELEMENT[p.key] == shared)
        budget = element(shared)
        if used > budget.max_minutes:
            check.error("phases", f"phases in '{budget.name}' plan {used} minutes; its budget is "
                        f"{budget.budget}")  # fmt: skip
    total = sum(p.minutes for p in phases)
    if total > MEETING_MINUTES:
        check.error("phases", f"planned minutes add up to {total}; the meeting lasts "
                    f"{MEETING_MINUTES}")  # fmt: skip
    return tuple(phases)


def _incident(check: Checker, raw: Any, where: str, people: dict[str, Persona]) -> Incident | None:
    if not isinstance(raw, dict):
        check.error(where, "should be a mapping with id, kind, phase, who, needs, says...")
        return None
    unknown_fields(check, raw, INCIDENT_FIELDS, where)
    names = set(people)
    incident_id, kind = _text(check, raw, "id", where), _text(check, raw, "kind", where)
    one_of(check, kind or None, list(INCIDENT_KINDS), f"{where}.kind")
    phase = _text(check, raw, "phase", where)
    one_of(check, phase or None, list(PHASES), f"{where}.phase")
    who = _text(check, raw, "who", where)
    if who and who not in names:
        check.error(f"{where}.who", f"should name a participant: {', '.join(sorted(names))}")
    quiet = raw.get("quiet", "") or ""
    if kind == "dominator_and_silent" and not (quiet in people and people[quiet].quiet):
        check.error(f"{where}.quiet", "should name the silent member (a participant with "
                    "'quiet: true')")  # fmt: skip
    needs = raw.get("needs")
    if not isinstance(needs, list) or not needs:
        check.error(f"{where}.needs", "should list the group moves that handle it: "
                    + ", ".join(GROUP_MOVES))  # fmt: skip
        needs = []
    for index, need in enumerate(needs):  # "a|b": either move handles this part
        for move in str(need).split("|"):
            one_of(check, move.strip(), list(GROUP_MOVES), f"{where}.needs.{index}")
    if kind == "disclosure" and "safety_check" not in needs:
        check.error(f"{where}.needs", "a disclosure is handled by 'safety_check'")
    after = whole_number(check, raw, "after", where, 0, 20)
    within = whole_number(check, raw, "within", where, 1, 6)
    extra = whole_number(check, raw, "extra_minutes", where, 0, 20, default=0)
    lines = {
        key: _lines(check, raw.get(key), f"{where}.{key}", names)
        for key in ("says", "again", "handled", "missed", "harmed")
    }
    for key, found in lines.items():
        if not found:
            check.error(f"{where}.{key}", "should list at least one line")
    if kind == "disclosure":
        said = " ".join(x.says for x in lines["says"])
        if escalation_for(said) is None:
            check.error(f"{where}.says", "should contain the disclosure itself; the course's "
                        "distress check (safety.mentions_distress) finds none in it")  # fmt: skip
        elif within != 1 and escalation_for(said) == "act now":
            check.error(f"{where}.within", "should be 1: the disclosure mentions a plan, a method "
                        "or intent, and the course's escalation rule says act now")  # fmt: skip
    if not (incident_id and kind in INCIDENT_KINDS and phase in PHASES and who and needs):
        return None
    if not all(lines.values()):
        return None
    return Incident(
        incident_id, kind, phase, after, who, tuple(str(n).replace(" ", "") for n in needs), within, lines["says"],
        lines["again"], lines["handled"], lines["missed"], lines["harmed"], extra, quiet,
    )  # fmt: skip


def check_practice(
    check: Checker, data: dict, phases: tuple[Phase, ...], people: dict[str, Persona], kinds: set
) -> None:
    """A practice: a module to show it in, one focus skill, and what that skill needs to happen."""
    module = data.get("module")
    if not isinstance(module, str) or not MODULE_ID.fullmatch(module):
        check.error("module", "should be the module whose lesson shows it, such as "
                    "01-motivational-interviewing")  # fmt: skip
    focus = data.get("focus")
    if focus is None:
        check.error("focus", "should name the one skill it practises: " + ", ".join(FOCUS))
    one_of(check, focus, list(FOCUS), "focus")
    skill = FOCUS.get(focus) if isinstance(focus, str) else None
    keys = {p.key for p in phases}
    if skill and skill.incident and skill.incident not in kinds:
        check.error("incidents", f"a practice of {skill.name} needs an incident of kind "
                    f"'{skill.incident}'")  # fmt: skip
    if skill and skill.needs_quiet and not any(p.quiet for p in people.values()):
        check.error("participants", f"a practice of {skill.name} needs a quiet member "
                    "('quiet: true')")  # fmt: skip
    if skill and skill.phase and skill.phase not in keys:
        check.error("phases", f"a practice of {skill.name} needs the '{skill.phase}' phase")
    planned = sum(p.moves for p in phases)
    if phases and not PRACTICE_MOVES[0] <= planned <= PRACTICE_MOVES[1]:
        check.error("phases", f"a practice plans {PRACTICE_MOVES[0]} to {PRACTICE_MOVES[1]} "
                    f"moves in all (found {planned})")  # fmt: skip


def _text_checks(check: Checker, meeting: GroupMeeting) -> None:
    texts = [("title", meeting.title, True), ("about", meeting.about, True)]
    texts += [(f"phases.{p.key}.scene", p.scene, True) for p in meeting.phases]
    for index, incident in enumerate(meeting.incidents):
        for key in ("says", "again", "handled", "missed", "harmed"):
            for line in getattr(incident, key):
                texts.append((f"incidents.{index}.{key}", line.says, not line.who))
    report_text_problems(check, texts)


def parse_group_meeting(check: Checker, data: Any, path: Path) -> GroupMeeting | None:
    if not isinstance(data, dict):
        check.error("", "should be a mapping with id, title, participants, phases, incidents")
        return None
    unknown_fields(check, data, TOP_FIELDS, "")
    meeting_id, title = _text(check, data, "id", ""), _text(check, data, "title", "")
    about, setting = _text(check, data, "about", ""), _text(check, data, "setting", "")
    kind = data.get("kind", CAPSTONE)
    one_of(check, kind, list(KINDS), "kind")
    practice = kind == PRACTICE
    tool = _text(check, data, "tool", "") if "tool" in data or not practice else "cba"
    one_of(check, tool or None, list(TOOLS), "tool")
    least, most = PRACTICE_PARTICIPANTS if practice else (MIN_PARTICIPANTS, MAX_PARTICIPANTS)
    raw_people = data.get("participants")
    if not isinstance(raw_people, list) or not (least <= len(raw_people) <= most):
        found = len(raw_people) if isinstance(raw_people, list) else "none"
        check.error("participants", f"should list {least} to {most} participants with personas "
                    f"(found {found})")  # fmt: skip
        raw_people = raw_people if isinstance(raw_people, list) else []
    raw_phases = data.get("phases") if isinstance(data.get("phases"), dict) else {}
    turns = tuple(k for k in SAYS_FIELDS if k in raw_phases) if practice else SAYS_FIELDS
    people: dict[str, Persona] = {}
    for index, item in enumerate(raw_people):
        persona = _persona(check, item, f"participants.{index}", turns)
        if persona and persona.name in people:
            check.error(f"participants.{index}.name", f"'{persona.name}' appears twice")
        elif persona:
            people[persona.name] = persona
    if people and not practice and not any(p.quiet for p in people.values()):
        check.error("participants", "should include a quiet member ('quiet: true')")
    phases = _phases(check, data.get("phases"), set(people), all_six=not practice)
    incidents, seen_ids = [], set()
    raw_incidents = data.get("incidents", [] if practice else None)
    if not isinstance(raw_incidents, list):
        check.error("incidents", "should be a list of incidents")
        raw_incidents = []
    for index, item in enumerate(raw_incidents):
        incident = _incident(check, item, f"incidents.{index}", people)
        if incident and incident.id in seen_ids:
            check.error(f"incidents.{index}.id", f"'{incident.id}' is used twice")
        elif incident:
            seen_ids.add(incident.id)
            incidents.append(incident)
    kinds = {item.get("kind") for item in raw_incidents if isinstance(item, dict)}
    absent = [k for k in INCIDENT_KINDS if k not in kinds]
    if practice:
        check_practice(check, data, phases, people, kinds)
    elif absent:
        check.error("incidents", "a capstone needs every kind of incident; missing: "
                    + ", ".join(absent))  # fmt: skip
    if meeting_id and meeting_id != path.stem:
        check.error("id", f"should match the file name: '{path.stem}' (found '{meeting_id}')")
    if check.errors or not phases or (not practice and len(phases) != len(PHASES)):
        return None
    meeting = GroupMeeting(
        meeting_id, title, about, setting, tool, tuple(people.values()), phases,
        tuple(incidents), str(path), tuple(people), kind, str(data.get("module", "")),
        str(data.get("focus", "")),
    )  # fmt: skip
    _text_checks(check, meeting)
    return meeting


def check_group_meeting_file(path: Path | str) -> list[ContentError]:
    return check_yaml_file(path, parse_group_meeting)


def group_meetings_dir() -> Path:
    return data_dir() / "group_meetings"


def group_meeting_paths() -> list[Path]:
    folder = group_meetings_dir()
    return yaml_files(folder) if folder.is_dir() else []


def _filled(meeting: GroupMeeting, country: str | None) -> GroupMeeting:
    def lines(found: tuple[Line, ...]) -> tuple[Line, ...]:
        return tuple(Line(x.who, fill_placeholders(x.says, country)) for x in found)

    incidents = tuple(
        replace(i, **{k: lines(getattr(i, k)) for k in ("says", "again", "handled", "missed",
                                                          "harmed")})
        for i in meeting.incidents
    )  # fmt: skip
    return replace(meeting, incidents=incidents)


def load_group_meeting(name_or_path: str | Path, country: str | None = None) -> GroupMeeting:
    """Load and check a group meeting by id or path; raise the first ContentError."""
    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        path = group_meetings_dir() / f"{name_or_path}.yaml"
    if not path.is_file():
        shipped = ", ".join(p.stem for p in group_meeting_paths()) or "none"
        raise ContentError(str(path), None, "", f"does not exist; shipped: {shipped}")
    data, lines = load_yaml(path)
    check = Checker(path, lines)
    meeting = parse_group_meeting(check, data, path)
    if check.errors:
        raise check.errors[0]
    assert meeting is not None
    return _filled(meeting, country)
