"""Display helpers that lessons call, so a notebook cell is a single readable line.

Everything here renders from the course definition or package constants; lessons never repeat
facts in code, and text a learner might have typed is always escaped.
"""

from __future__ import annotations

from .course import Course, load_course
from .htmlsafe import escape
from .program import FOUR_POINTS
from .safety import crisis_banner_html, crisis_resources


def _display(html: str) -> None:
    from IPython.display import HTML, display

    display(HTML(html))


def course_map_html(course: Course) -> str:
    """The course's modules, outcomes and notebooks, with links that work in Voilà and JupyterLab."""
    rows = []
    for module in course.modules:
        links = " · ".join(
            f'<a href="{escape(module.id)}/{escape(nb.file)}">'
            f"{'Lesson' if nb.kind == 'lesson' else 'Graded exercise'}</a>"
            for nb in module.notebooks
        )
        outcomes = "".join(f"<li>{escape(o)}</li>" for o in module.outcomes)
        rows.append(
            f"<tr><td style='vertical-align:top'><strong>{escape(module.title)}</strong>"
            f"<br>{links}</td><td><ul style='margin:0'>{outcomes}</ul></td></tr>"
        )
    return (
        "<table class='fc-course-map'><caption style='text-align:left'>Modules in order"
        "</caption><thead><tr><th>Module</th><th>You will be able to…</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def show_course_map() -> None:
    _display(course_map_html(load_course()))


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
        "<table class='fc-four-points'><caption style='text-align:left'>The 4-Point Program"
        "</caption><thead><tr><th></th><th>Point</th><th>In plain words</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def show_independence_note() -> None:
    _display(f"<p><em>{escape(load_course().independence)}</em></p>")


def show_crisis_resources(country: str | None = None) -> None:
    """The crisis resources for the configured country (defaults: 988 and 911 in the US)."""
    r = crisis_resources(country or None)
    _display(crisis_banner_html(country, lead=f"Crisis resources ({r.country_name})"))
