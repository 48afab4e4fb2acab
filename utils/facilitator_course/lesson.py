"""Display helpers that lessons call, so a notebook cell is a single readable line.

Everything here renders from the course definition or package constants; lessons never repeat
facts in code, and text a learner might have typed is always escaped.
"""

from __future__ import annotations

from .answers import in_web_app
from .course import Course, load_course
from .htmlsafe import escape
from .program import FOUR_POINTS
from .safety import crisis_banner_html, crisis_resources

# JupyterLab right-aligns table cells in outputs, which suits numbers but not sentences, and
# shows links by colour alone (axe link-in-text-block, WCAG 1.4.1): underline them (the selector
# must outrank `.jp-RenderedHTMLCommon a:link`).
TABLE_STYLE = (
    "<style>.fc-table{font-size:14px}.fc-table td,.fc-table th{text-align:left!important;"
    "vertical-align:top;"
    "padding:4px 10px}.fc-table caption{text-align:left;font-weight:bold;padding:4px 0}"
    "table.fc-table a:link,table.fc-table a:visited{text-decoration:underline}"
    ".fc-table .fc-sr-only{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}"
    "</style>"
)
# A header for a column of numbers: read by screen readers, not shown (axe empty-table-header).
NUMBER_HEADER = "<th><span class='fc-sr-only'>Number</span></th>"


def _display(html: str) -> None:
    from IPython.display import HTML, display

    display(HTML(html))


def _notebook_link(module_id: str, file: str, kind: str, web_app: bool) -> str:
    if kind == "lesson":
        return f'<a href="{escape(module_id)}/{escape(file)}">Lesson</a>'
    if web_app:  # answers are typed into code cells, which the web app hides
        return "Graded exercise (in JupyterLab)"
    return f'<a href="{escape(module_id)}/{escape(file)}">Graded exercise</a>'


def course_map_html(course: Course, web_app: bool = False) -> str:
    """The course's modules, outcomes and notebooks, with links that work in Voilà and JupyterLab.

    Relative links resolve against the home page in both: /voila/render/... in the web app and the
    file browser's folder in JupyterLab.
    """
    rows = []
    for module in course.modules:
        links = " · ".join(
            _notebook_link(module.id, nb.file, nb.kind, web_app) for nb in module.notebooks
        )
        outcomes = "".join(f"<li>{escape(o)}</li>" for o in module.outcomes)
        rows.append(
            f"<tr><td style='vertical-align:top'><strong>{escape(module.title)}</strong>"
            f"<br>{links}</td><td><ul style='margin:0'>{outcomes}</ul></td></tr>"
        )
    return TABLE_STYLE + (
        "<table class='fc-table fc-course-map'><caption style='text-align:left'>Modules in order"
        "</caption><thead><tr><th>Module</th><th>You will be able to…</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def show_course_map() -> None:
    _display(course_map_html(load_course(), web_app=in_web_app()))


def show_outcomes(module_id: str) -> None:
    module = load_course().module(module_id)
    items = "".join(f"<li>{escape(o)}</li>" for o in module.outcomes)
    _display(
        f"<p><strong>By the end of this module you will be able to:</strong></p><ul>{items}</ul>"
    )


def show_four_points() -> None:
    rows = "".join(
        f"<tr><td><strong>Point {n}</strong></td><td>{escape(name)}</td>"
        f"<td>{escape(gist)}</td></tr>"
        for n, (name, gist) in enumerate(FOUR_POINTS, start=1)
    )
    _display(
        TABLE_STYLE
        + "<table class='fc-table fc-four-points'><caption style='text-align:left'>The 4-Point Program"
        "</caption><thead><tr>"
        f"{NUMBER_HEADER}<th>Point</th><th>In plain words</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def show_independence_note() -> None:
    _display(f"<p><em>{escape(load_course().independence)}</em></p>")


def show_crisis_resources(country: str | None = None) -> None:
    """The crisis resources for the configured country (defaults: 988 and 911 in the US)."""
    r = crisis_resources(country or None)
    _display(crisis_banner_html(country, lead=f"Crisis resources ({r.country_name})"))


def meeting_elements_html() -> str:
    """The meeting's six elements and their time budgets, from the one definition in meeting.format."""
    from .meeting.format import MEETING_ELEMENTS, MEETING_MINUTES

    rows = "".join(
        f"<tr><td>{n}</td><td><strong>{escape(e.name)}</strong></td>"
        f"<td style='white-space:nowrap'>{escape(e.budget)}</td><td>{escape(e.purpose)}</td></tr>"
        for n, e in enumerate(MEETING_ELEMENTS, start=1)
    )
    return TABLE_STYLE + (
        "<table class='fc-table fc-meeting-elements'><caption style='text-align:left'>"
        "The six elements of a "
        f"{MEETING_MINUTES}-minute meeting</caption><thead><tr>{NUMBER_HEADER}<th>Element</th>"
        f"<th>Time</th><th>What happens</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def show_meeting_elements() -> None:
    _display(meeting_elements_html())


def meeting_ladder_html() -> str:
    """The meeting simulations from easiest to hardest, each with what makes it harder than the
    one before, read from the meeting files (their `difficulty` and `harder_because`)."""
    from .meeting.ladder import meeting_ladder

    rows = "".join(
        f"<tr><td>{m.difficulty}</td><td><strong>{escape(m.title)}</strong></td>"
        f"<td>{escape(m.harder_because or 'The starting point.')}</td></tr>"
        for m in meeting_ladder()
    )
    return TABLE_STYLE + (
        "<table class='fc-table fc-meeting-ladder'><caption style='text-align:left'>"
        "The meeting simulations, easiest first</caption><thead><tr><th>Level</th>"
        f"<th>Meeting</th><th>What makes it harder</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def show_meeting_ladder() -> None:
    _display(meeting_ladder_html())
