"""Scoring a played meeting the way observers score real groups.

Three views, each from the engine's record of the meeting (never from anything the learner's
kernel claims):

* **Fidelity checklist**: the four blocks that observers used to rate real SMART groups
  (opening, check-in, discussion with a 7-day plan and core tools, check-out), scored as a
  percentage of items met. Built on Dale et al. 2021 (Drug and Alcohol Review, Table 4), written in
  the course's words; the real groups those observers saw met 44-55 % of the items.
* **Competency levels** in the style of WHO's GroupACT (Pedersen et al. 2021): ground rules and
  confidentiality, everyone taking part, empathy between members, solving problems together, time
  management, and (the course's addition) acting on a disclosure. Each is "potentially harmful",
  "not yet shown", "partly" or "fully"; any "potentially harmful" blocks certification.
* **An MI profile** over every judged move (MITI 4.2.1 and 3.1.1 thresholds, `coding.summarize`):
  session-level tallies are far more reliable than single labels, and a real stretch of talk (the
  capstone's dozens of moves) is what a summary profile needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..coding import summarize
from ..coding.labels import LEVELS, REFLECTIONS, THRESHOLDS
from ..coding.summary import SessionSummary
from ..meeting.format import MEETING_MINUTES, element
from .engine import CUT_SHORT, GroupSession
from .moves import pressures
from .records import HANDLED, HARMED, MISSED

PASS, NOT_YET, BLOCKED = "pass", "not yet", "blocked"
HARMFUL, NOT_SHOWN, PARTLY, FULLY = "potentially harmful", "not yet shown", "partly", "fully"
COMPETENCY_LEVELS = (HARMFUL, NOT_SHOWN, PARTLY, FULLY)
PASS_FIDELITY = 75.0  # % of checklist items; higher than the 44-55 % observed in real groups
MIN_CODED_MOVES = 20  # below this a MITI-style profile says too little to rate
SOURCES = {
    "fidelity": "Dale et al. 2021, Drug and Alcohol Review, Table 4: the SMART meeting adherence "
    "items observers scored in real groups (https://pmc.ncbi.nlm.nih.gov/articles/PMC8451896/)",
    "competencies": "Pedersen et al. 2021, WHO/UNICEF EQUIP: GroupACT, the group facilitation "
    "competency tool, whose lowest level is 'potentially harmful'",
    "profile": "Moyers, Manuel & Ernst 2015, MITI 4.2.1 (R:Q, % complex reflections) and MITI "
    "3.1.1 (% open questions, % MI-adherent); MITI applied to groups: D'Amico et al. 2012",
}


@dataclass(frozen=True)
class ChecklistItem:
    block: str
    item: str
    met: bool
    evidence: str


@dataclass(frozen=True)
class Competency:
    key: str
    name: str
    level: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class CapstoneResult:
    status: str  # PASS, NOT_YET or BLOCKED
    reasons: tuple[str, ...]
    ending: str
    checklist: tuple[ChecklistItem, ...]
    fidelity: float  # % of checklist items met
    competencies: tuple[Competency, ...]
    profile: SessionSummary
    profile_level: str
    moves_typed: int
    moves_judged: int
    for_trainer: tuple[str, ...] = ()  # moves read as harmful from their wording alone
    sources: dict[str, str] = field(default_factory=lambda: dict(SOURCES))

    def to_dict(self) -> dict[str, object]:
        p = self.profile
        return {
            "status": self.status,
            "reasons": list(self.reasons),
            "ending": self.ending,
            "fidelity_percent": self.fidelity,
            "checklist": [vars(i) for i in self.checklist],
            "competencies": [
                {"key": c.key, "name": c.name, "level": c.level, "reasons": list(c.reasons)}
                for c in self.competencies
            ],
            "mi_profile": {
                "level": self.profile_level,
                "coded_moves": p.total,
                "reflection_to_question": p.reflection_to_question,
                "percent_complex_reflections": p.percent_complex_reflections,
                "percent_open_questions": p.percent_open_questions,
                "percent_mi_adherent": p.percent_mi_adherent,
                "mi_non_adherent": p.mi_non_adherent,
                "labels": p.labeling,
                "levels": p.levels(),
            },
            "moves_typed": self.moves_typed,
            "moves_judged": self.moves_judged,
            "for_trainer": list(self.for_trainer),
            "sources": self.sources,
        }


class _Facts:
    """What the record shows, gathered once for the checklist and the competencies."""

    def __init__(self, session: GroupSession) -> None:
        self.s = session
        self.records = session.judged_records
        self.names = set(session.meeting.names)
        self.outcome = {st.incident.kind: st.outcome for st in session.incidents}
        by_number = {r.number: r for r in session.records}
        # harm the judge's rules name (words, a label) blocks; harm read from the overall
        # wording alone is less certain: it counts against the move but goes to the trainer
        self.certain_harm = {
            st.incident.kind
            for st in session.incidents
            if st.outcome == HARMED and by_number.get(st.settled_at or 0) is not None
            and by_number[st.settled_at or 0].harm_evidence != "wording"
        }  # fmt: skip
        self.to_check = [r for r in self.records if r.harmful and r.harm_evidence == "wording"]

    def did(self, move: str, phase: str | None = None) -> bool:
        return any(r.has(move) and (phase is None or r.phase == phase) for r in self.records)

    def count(self, move: str) -> int:
        return sum(r.has(move) for r in self.records)

    def handled(self, kind: str) -> bool:
        return self.outcome.get(kind) == HANDLED

    def worked_with(self) -> set[str]:
        return {
            line.who
            for r in self.records
            if r.phase == "working_time"
            for line in r.replies
            if line.who
        }

    def over_budget(self) -> list[str]:
        return [
            f"{element(key).name} took {used:.0f} min (budget {element(key).budget})"
            for key, used in self.s.element_minutes.items()
            if used > element(key).max_minutes + 0.01
        ]


def checklist(session: GroupSession) -> tuple[ChecklistItem, ...]:
    f = _Facts(session)
    missing_in = sorted(f.names - session.spoke("check_in"))
    missing_out = sorted(f.names - session.spoke("check_out"))
    check_in_minutes = session.element_minutes.get("check_in", 0.0)
    items = [
        ("Opening", "welcomed everyone", f.did("welcome", "opening")),
        ("Opening", "said what a SMART meeting is", f.did("explain_smart", "opening")),
        ("Opening", "set out the group's guidelines", f.did("ground_rules", "opening")),
        ("Opening", "set the here-and-now focus", f.did("here_and_now", "opening")),
        ("Opening", "explained how the meeting runs", f.did("explain_format", "opening")),
        ("Check-in", "everyone checked in", not missing_in),
        (
            "Check-in",
            "check-in stayed brief and balanced",
            f.handled("dominator_and_silent")
            and check_in_minutes <= element("check_in").max_minutes,
        ),
        ("Check-in", "the agenda came from the check-in", f.did("set_agenda")),
        ("Discussion", "members worked on their own issues", len(f.worked_with()) >= 3),
        ("Discussion", "the group generated ideas", f.did("group_ideas", "working_time")),
        (
            "Discussion",
            "members shared their experience with each other",
            f.did("link_members", "working_time") or f.did("reflect_group", "working_time"),
        ),
        ("Discussion", "a core tool was used on the board", f.did("use_tool", "working_time")),
        ("Discussion", "7-day plans were asked for", f.did("ask_plan")),
        ("Check-out", "everyone checked out", not missing_out),
        ("Check-out", "each person was asked for a 7-day plan", f.did("ask_plan", "check_out")),
        ("Check-out", "the facilitator closed the meeting formally", session.closed_formally),
    ]
    evidence = {
        "everyone checked in": "not heard: " + ", ".join(missing_in) if missing_in else "all",
        "everyone checked out": "not heard: " + ", ".join(missing_out) if missing_out else "all",
    }
    return tuple(
        ChecklistItem(block, item, bool(met), evidence.get(item, "seen" if met else "not seen"))
        for block, item, met in items
    )


def _level(harm: list[str], done: list[tuple[str, bool]], fully: int, partly: int) -> tuple:
    if harm:
        return HARMFUL, tuple(harm)
    met = sum(ok for _, ok in done)
    level = FULLY if met >= fully else PARTLY if met >= partly else NOT_SHOWN
    return level, tuple(f"not yet: {what}" for what, ok in done if not ok)


def competencies(session: GroupSession) -> tuple[Competency, ...]:
    f = _Facts(session)
    quiet = set(session.meeting.quiet_members)
    harmed = f.certain_harm
    unsure = {r.text for r in f.to_check}
    labels = [r.text for r in f.records if r.labeling]
    confronts = [r.text for r in f.records if r.code == "confront" and not r.labeling
                 and r.text not in unsure]  # fmt: skip
    persuades = [r.text for r in f.records if r.code == "persuade" and r.harmful]
    pressed = [r.text for r in f.records if pressures(r.text) and quiet & set(r.addressed)]
    reflections = sum(r.code in REFLECTIONS for r in f.records)
    out = []

    def add(key: str, name: str, harm: list[str], done: list, fully: int, partly: int) -> None:
        level, reasons = _level(harm, done, fully, partly)
        out.append(Competency(key, name, level, reasons))

    rule_harm = [f"a rule was enforced with shame ({k})" for k in ("crosstalk", "intoxicated",
                 "twelve_step") if k in harmed]  # fmt: skip
    add("ground_rules", "Ground rules and confidentiality", rule_harm, [
        ("set the guidelines at the opening", f.did("ground_rules", "opening")),
        ("state confidentiality at the opening", f.did("confidentiality", "opening")),
        ("redirect crosstalk kindly", f.handled("crosstalk")),
        ("welcome the intoxicated member to listen, not share", f.handled("intoxicated")),
    ], 4, 2)  # fmt: skip
    part_harm = [f"the quiet member was pushed to speak: \u201c{t}\u201d" for t in pressed]
    if "dominator_and_silent" in harmed:
        part_harm.append("the member who talked too long was shamed in front of the group")
    add("participation", "Everyone taking part", part_harm, [
        ("hear everyone at check-in", session.spoke("check_in") >= f.names),
        ("hear everyone at check-out", session.spoke("check_out") >= f.names),
        ("invite the quiet member by name, with room to pass", f.did("invite_quiet")),
        ("move the dominating member on", f.handled("dominator_and_silent")),
    ], 4, 2)  # fmt: skip
    empathy_harm = [f"an identity label: \u201c{t}\u201d" for t in labels]
    empathy_harm += [f"arguing with or blaming a member: \u201c{t}\u201d" for t in confronts]
    add("empathy", "Empathy between members", empathy_harm, [
        ("link members' experiences", f.did("link_members")),
        ("reflect to the whole group", f.did("reflect_group")),
        ("reflect members often (5 or more reflections)", reflections >= 5),
        *((f"no move read as arguing or blaming (to check: \u201c{t}\u201d)", False)
          for t in sorted(unsure)),
    ], 3 + len(unsure), 1)  # fmt: skip
    solve_harm = (
        ["advice between members was stopped with shame"] if "advice_giving" in harmed else []
    )
    add("problem_solving", "Solving problems together", solve_harm, [
        ("work a tool on the board with the group", f.did("use_tool", "working_time")),
        ("ask the group for its ideas and experience", f.did("group_ideas")),
        ("turn advice between members into shared experience", f.handled("advice_giving")),
        (f"give no advice yourself without permission ({len(persuades)} given)", not persuades),
        ("ask for 7-day plans", f.did("ask_plan")),
    ], 5, 3)  # fmt: skip
    over = f.over_budget()
    add("time", "Time management", [], [
        ("reach the close and close formally", session.closed_formally),
        ("keep each part within its time" + (f" ({'; '.join(over)})" if over else ""), not over),
        (f"finish within {MEETING_MINUTES} minutes", session.clock <= MEETING_MINUTES),
    ], 3, 2)  # fmt: skip
    disclosure = f.outcome.get("disclosure")
    # Asking about suicide in the circle (moves.public_suicide_question) is the right question
    # in the wrong place: never full credit, even once the private word follows.
    public = any(s.asked_publicly for s in session.incidents if s.incident.safety)
    safety_harm = []
    if disclosure == MISSED and public:
        safety_harm.append("suicide was asked about in front of the group and no private word "
                           "followed, as the course's escalation rule requires")  # fmt: skip
    elif disclosure in (MISSED, HARMED):
        safety_harm.append("a disclosure was not acted on at once, as the course's escalation "
                           "rule requires (private word, direct question, crisis help)")  # fmt: skip
    add("safety", "Acting on a disclosure (added by this course)", safety_harm, [
        ("act on the disclosure at once", disclosure == HANDLED),
        ("ask about suicide in a private word, not in front of the group", not public),
    ], 2, 1)  # fmt: skip
    return tuple(out)


def profile(session: GroupSession) -> SessionSummary:
    """MITI-style tallies over every judged move; the escalation move is not counted as advice."""
    return summarize(r for r in session.judged_records if not r.crisis_override)


def decide(
    items: tuple[ChecklistItem, ...],
    levels: tuple[Competency, ...],
    summary: SessionSummary,
    rated: str,
    judged: int,
    ending: str,
) -> tuple[str, tuple[str, ...], float]:
    """(status, reasons, fidelity %) from the ratings; any "potentially harmful" level blocks.

    Kept apart from the replay so that a trainer's override of one rating (a checklist item, a
    competency level, the MI profile) gives a status worked out by the same rules as the engine's.
    """
    fidelity = round(100.0 * sum(i.met for i in items) / len(items), 1) if items else 0.0
    reasons: list[str] = []
    harmful = [c for c in levels if c.level == HARMFUL]
    for c in harmful:
        reasons += [f"{c.name}: potentially harmful: {why}" for why in c.reasons]
    if ending == CUT_SHORT:
        reasons.append("the meeting was not closed: it ran out of time or stopped early")
    if fidelity < PASS_FIDELITY:
        unmet = "; ".join(i.item for i in items if not i.met)
        reasons.append(
            f"meeting fidelity {fidelity:g} % (needs {PASS_FIDELITY:g} %); not met: {unmet}"
        )
    for c in levels:
        if c.level == NOT_SHOWN or (c.key == "safety" and c.level != FULLY and c not in harmful):
            reasons.append(f"{c.name}: {c.level} ({'; '.join(c.reasons)})")
    if rated in LEVELS[1:]:
        pass  # fair or good (the engine rates only from MIN_CODED_MOVES judged moves on)
    elif judged < MIN_CODED_MOVES and rated not in LEVELS:
        reasons.append(
            f"only {judged} moves could be judged; the MI profile needs {MIN_CODED_MOVES}"
        )
    else:
        weak = [THRESHOLDS[m].name for m, lv in summary.levels().items() if lv == LEVELS[0]]
        reasons.append("MI profile below fair" + (" on: " + ", ".join(weak) if weak else ""))
    status = BLOCKED if harmful else PASS if not reasons else NOT_YET
    return status, tuple(reasons), fidelity


def score_session(session: GroupSession) -> CapstoneResult:
    """Pass, "not yet" (with reasons) or blocked (a potentially harmful rating)."""
    items = checklist(session)
    levels = competencies(session)
    summary = profile(session)
    judged = len(session.judged_records)
    rated = summary.overall_level() if judged >= MIN_CODED_MOVES else "not rated"
    status, reasons, fidelity = decide(items, levels, summary, rated, judged, session.ending())
    to_check = tuple(
        f"move {r.number} \u201c{r.text}\u201d was read as {r.code} from its overall wording "
        "alone (no rule named harmful words): please check it"
        for r in _Facts(session).to_check
    )
    return CapstoneResult(status, reasons, session.ending(), items, fidelity, levels,
                          summary, rated, len(session.records), judged, to_check)  # fmt: skip
