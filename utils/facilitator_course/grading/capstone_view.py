"""The capstone as the trainer sees it: status, checklist, competency levels, MI profile, moves.

One trainee's capstone (capstone_results.Capstone) shown the same way in `grade 06-capstone
--trainee ID`, in `report --trainee ID` and on the trainee record page (text and escaped HTML):
the status that counts with every reason, each checklist item done or not with % adherence,
each competency level with its evidence, the MI profile's figures against the MITI thresholds,
and the typed moves with the code the engine gave each. Wherever a rating was overridden the
engine's own rating stays visible beside "overridden by trainer: <reason>", so an appeal can be
decided from the page.
"""

from __future__ import annotations

from ..coding.labels import LABEL_NAMES, THRESHOLDS
from ..coding.summary import RATED
from ..htmlsafe import escape
from ..safety import ESCALATION_RULE
from .capstone_overrides import Override, ratings_of
from .capstone_results import Capstone, Move

STATUS_WORDS = {
    "pass": "pass",
    "not yet": "not yet",
    "blocked": "blocked (potentially harmful)",
    "missing": "not scored",
}
STALE = (
    "Made on an earlier copy of the transcript, so no longer applied (look again and override "
    "anew if you still agree):"
)
HOW_TO_OVERRIDE = (
    "To override one rating: facilitator-course grade {module} --trainee {trainee} "
    '--capstone-rating "<rating>" --level "<level>" --reason "<why>"'
)


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "not rated"
    return f"{value:g}{unit}"


def profile_rows(capstone: Capstone) -> list[tuple[str, str, str, str]]:
    """(metric, value, fair / good thresholds, level) for the MI profile."""
    result = capstone.result
    if result is None:
        return []
    p = result.profile
    rows = []
    for metric in RATED:
        t = THRESHOLDS[metric]
        rows.append(
            (
                t.name,
                _value(getattr(p, metric), t.unit),
                f"fair {t.fair:g}{t.unit}, good {t.good:g}{t.unit} ({t.source})",
                p.level(metric),
            )
        )
    return rows


def _engine_before(capstone: Capstone, key: str) -> str:
    """What the engine said of a rating the trainer overrode."""
    engine = capstone.engine
    if engine is None:
        return ""
    if key == "overall":
        return STATUS_WORDS.get(engine.status, engine.status)
    if key == "profile":
        return engine.profile_level
    kind, _, name = key.partition(":")
    if kind == "checklist":
        found = [i for i in engine.checklist if i.item == name]
        return ("done" if found[0].met else "not done") if found else ""
    found_c = [c for c in engine.competencies if c.key == name]
    return found_c[0].level if found_c else ""


def _evidence(capstone: Capstone, key: str, shown: str) -> str:
    """The engine's evidence for a rating (the overridden result carries the trainer's note)."""
    if key not in capstone.overrides or capstone.engine is None:
        return shown
    kind, _, name = key.partition(":")
    if kind == "checklist":
        return next((i.evidence for i in capstone.engine.checklist if i.item == name), "")
    found = next((c for c in capstone.engine.competencies if c.key == name), None)
    return "; ".join(found.reasons) or "all shown" if found else ""


def _override_line(capstone: Capstone, o: Override) -> str:
    labels = {r.key: r.label for r in ratings_of(capstone.engine)}
    before = _engine_before(capstone, o.rating)
    was = f" (engine: {before})" if before else ""
    return f"{labels.get(o.rating, o.rating)}: {o.value}{was}, {o.note} [{o.when}]"


def _move_code(m: Move) -> str:
    code = LABEL_NAMES.get(m.code, m.code) if m.judged else "not judged"
    if m.harmful:
        code += ", harmful"
    return code


def _ratings_say(capstone: Capstone) -> str:
    """When the trainer's say differs from what the ratings give, what the ratings give."""
    result = capstone.result
    if result is None or result.status == capstone.status:
        return ""
    return f"The ratings alone give: {STATUS_WORDS.get(result.status, result.status)}"


def _group_moves(m: Move) -> str:
    return ", ".join(g.replace("_", " ") for g in m.group_moves)


# --- text -------------------------------------------------------------------------------------


def capstone_text(capstone: Capstone, width: int = 100) -> str:
    """The capstone for a terminal (grade, report --trainee)."""
    import textwrap

    from .text_table import format_table

    head = f"Capstone {capstone.module} ({capstone.trainee})"
    lines = [head, "-" * len(head)]
    lines.append(f"Status: {STATUS_WORDS.get(capstone.status, capstone.status)}")
    if capstone.overridden and "overall" not in capstone.overrides:
        lines.append(f"  (the capstone cell's score was set by the trainer: {capstone.overridden})")
    result = capstone.result
    reasons = list(result.reasons) if result else [f"could not be scored: {capstone.unusable}"]
    if _ratings_say(capstone) and reasons:
        lines.append(f"  {_ratings_say(capstone)}:")
    for reason in reasons:
        lines += textwrap.wrap(reason, width, initial_indent="  - ", subsequent_indent="    ")
    if capstone.overrides:
        lines.append("Overridden by the trainer:")
        for o in capstone.overrides.values():
            lines += textwrap.wrap(
                _override_line(capstone, o), width, initial_indent="  * ", subsequent_indent="    "
            )
    if capstone.stale:
        lines.append(STALE)
        for o in capstone.stale.values():
            lines += textwrap.wrap(
                _override_line(capstone, o), width, initial_indent="  x ", subsequent_indent="    "
            )
    if result is None:
        return "\n".join(lines) + "\n"
    lines.append("")
    lines.append(f"Meeting checklist: {result.fidelity:g} % adherence (pass: 75 %)")
    rows = []
    for i in result.checklist:
        key = f"checklist:{i.item}"
        note = f" ({capstone.overrides[key].note})" if key in capstone.overrides else ""
        met = "done" if i.met else "NOT DONE"
        rows.append([i.block, i.item, met, _evidence(capstone, key, i.evidence) + note])
    lines += [format_table(["part", "item", "result", "evidence"], rows, wrap=44), ""]
    rows = []
    for c in result.competencies:
        key = f"competency:{c.key}"
        note = f" ({capstone.overrides[key].note})" if key in capstone.overrides else ""
        shown = _evidence(capstone, key, "; ".join(c.reasons) or "all shown")
        rows.append([c.name, c.level, shown + note])
    lines += ["Competency levels (GroupACT style; potentially harmful blocks):"]
    lines += [format_table(["competency", "level", "evidence"], rows, wrap=54), ""]
    p = result.profile
    lines.append(
        f"MI profile: {result.profile_level} ({p.total} coded moves of {result.moves_typed} typed)"
    )
    rows = [list(r) for r in profile_rows(capstone)]
    lines += [format_table(["measure", "value", "thresholds", "level"], rows, wrap=44), ""]
    for note in result.for_trainer:
        lines += textwrap.wrap(note, width, initial_indent="  ! ", subsequent_indent="    ")
    lines.append(f"Transcript ({len(capstone.moves)} moves; code [group moves]):")
    for m in capstone.moves:
        text = m.text if len(m.text) <= 90 else m.text[:87] + "..."
        extra = f" [{_group_moves(m)}]" if m.group_moves else ""
        note = f" ({m.note})" if m.note else ""
        lines.append(f"  {m.number:>3}. {m.phase:<13} {_move_code(m)}{extra}{note}")
        lines.append(f"       {text}")
    lines.append("")
    lines.append(HOW_TO_OVERRIDE.format(module=capstone.module, trainee=capstone.trainee))
    return "\n".join(lines) + "\n"


def capstone_line(capstone: Capstone) -> str:
    """One line per trainee for a cohort listing."""
    result = capstone.result
    status = STATUS_WORDS.get(capstone.status, capstone.status)
    if result is None and capstone.status == "missing":
        return f"{capstone.trainee}: could not be scored ({capstone.unusable})"
    if result is None:
        return f"{capstone.trainee}: {status} (the transcript could not be scored)"
    mark = ", overridden by trainer" if capstone.overrides else ""
    if capstone.stale:
        mark += ", earlier overrides no longer apply (a new transcript)"
    if capstone.overridden and "overall" not in capstone.overrides:
        mark += ", the capstone cell's score set by the trainer"
    return (
        f"{capstone.trainee}: {status}{mark}; checklist {result.fidelity:g} %; "
        f"MI profile {result.profile_level}; {result.moves_typed} moves"
    )


# --- HTML -------------------------------------------------------------------------------------


def _tag(text: str, css: str = "") -> str:
    return f"<span class='fc-tag {css}'>{escape(text)}</span>"


def _overridden_html(capstone: Capstone, key: str) -> str:
    o = capstone.overrides.get(key)
    if o is None:
        return ""
    before = _engine_before(capstone, key)
    was = f" (engine: {escape(before)})" if before else ""
    return f"<br>{_tag('override')} <em>{escape(o.note)}</em>{was}"


def capstone_html(capstone: Capstone) -> str:
    """The capstone section of the trainee record page (inside the dashboard's `.fc-dash`)."""
    from . import dashboard_html as views

    result = capstone.result
    status = capstone.status
    css = "fc-status-certified" if status == "pass" else "fc-status-notyet"
    reasons = list(result.reasons) if result else [f"could not be scored: {capstone.unusable}"]
    parts = [
        f"<section class='fc-capstone' aria-label='Capstone meeting'>"
        f"<h2>Capstone meeting ({escape(capstone.module)})</h2>",
        f"<p class='{css}'>Status: {escape(STATUS_WORDS.get(status, status))}"
        + _overridden_html(capstone, "overall")
        + "</p>",
    ]
    if capstone.overridden and "overall" not in capstone.overrides:
        parts.append(
            f"<p class='fc-note'>The capstone cell's score was set by the trainer "
            f"({escape(capstone.overridden)}).</p>"
        )
    if reasons and (status != "pass" or _ratings_say(capstone)):
        if _ratings_say(capstone):
            parts.append(f"<p class='fc-note'>{escape(_ratings_say(capstone))}:</p>")
        parts.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in reasons) + "</ul>")
    if capstone.stale:
        parts.append(
            f"<p class='fc-message'>{escape(STALE)}</p><ul>"
            + "".join(
                f"<li>{escape(_override_line(capstone, o))}</li>" for o in capstone.stale.values()
            )
            + "</ul>"
        )
    if result is None:
        return "".join(parts) + "</section>"
    rows = [
        [
            views._td(escape(i.block)),
            views._td(escape(i.item)),
            views._td(
                f"<span style='white-space:nowrap'>{'done' if i.met else 'not done'}</span>",
                "fc-pass" if i.met else "fc-fail",
            ),
            views._td(
                escape(_evidence(capstone, f"checklist:{i.item}", i.evidence))
                + _overridden_html(capstone, f"checklist:{i.item}")
            ),
        ]
        for i in result.checklist
    ]
    parts.append(
        f"<h3>Meeting checklist: {result.fidelity:g} % adherence</h3>"
        "<p class='fc-note'>After Dale et al. 2021 (the items observers scored in real SMART "
        "groups, which met 44-55 %); the capstone needs 75 %.</p>"
        + views._table(["part", "item", "result", "evidence"], rows)
    )
    level_css = {"fully": "fc-pass", "partly": "fc-wait", "potentially harmful": "fc-fail"}
    rows = [
        [
            views._td(escape(c.name)),
            views._td(escape(c.level), level_css.get(c.level, "fc-fail")),
            views._td(
                escape(
                    _evidence(capstone, f"competency:{c.key}", "; ".join(c.reasons) or "all shown")
                )
                + _overridden_html(capstone, f"competency:{c.key}")
            ),
        ]
        for c in result.competencies
    ]
    parts.append(
        "<h3>Competency levels</h3><p class='fc-note'>GroupACT style (WHO EQUIP): potentially "
        "harmful, not yet shown, partly, fully. Any potentially harmful level blocks.</p>"
        + views._table(["competency", "level", "evidence"], rows)
    )
    p = result.profile
    rows = [
        [
            views._td(escape(name)),
            views._td(escape(value), "fc-num"),
            views._td(escape(thresholds)),
            views._td(escape(level), "fc-pass" if level in ("fair", "good") else "fc-fail"),
        ]
        for name, value, thresholds, level in profile_rows(capstone)
    ]
    parts.append(
        f"<h3>MI profile: {escape(result.profile_level)}</h3>"
        f"<p class='fc-note'>{p.total} coded moves of {result.moves_typed} typed "
        f"({p.questions} questions, {p.reflections} reflections, {p.mi_non_adherent} "
        f"MI non-adherent).{_overridden_html(capstone, 'profile')}</p>"
        + views._table(["measure", "value", "thresholds", "level"], rows)
    )
    if result.for_trainer:
        parts.append(
            "<p class='fc-note'><strong>Please check:</strong></p><ul>"
            + "".join(f"<li>{escape(n)}</li>" for n in result.for_trainer)
            + "</ul>"
        )
    rows = [
        [
            views._td(str(m.number), "fc-num"),
            views._td(escape(m.phase.replace("_", " "))),
            views._td(
                escape(_move_code(m))
                + (
                    f"<br><span class='fc-none'>{escape(_group_moves(m))}</span>"
                    if m.group_moves
                    else ""
                )
                + (f"<br><em>{escape(m.note)}</em>" if m.note else ""),
                "fc-fail" if m.harmful else "",
            ),
            views._td(escape(m.text)),
        ]
        for m in capstone.moves
    ]
    parts.append(
        f"<details open><summary><strong>Transcript: {len(capstone.moves)} typed moves"
        "</strong></summary>"
        + "<div style='font-size:0.85rem'>"
        + views._table(["#", "part", "code (group moves)", "what the trainee typed"], rows)
        + "</div></details>"
    )
    if any(m.note == "the escalation rule in action" for m in capstone.moves):
        parts.append(f"<p class='fc-note'>{escape(ESCALATION_RULE)}</p>")
    parts.append(
        "<p class='fc-note'>"
        + escape(HOW_TO_OVERRIDE.format(module=capstone.module, trainee=capstone.trainee))
        + "</p></section>"
    )
    return "".join(parts)
