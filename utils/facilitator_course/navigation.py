"""Navigation shared by every course page: back to home, previous and next module, and the
crisis resources one click away.

Pure HTML from the course definition (course/course.yml), so a module added there is linked
everywhere without editing pages. Links are relative to the page, which works in the web app
(/voila/render/<module>/00-lesson.ipynb) and in JupyterLab's file browser alike. Shown through
an ipywidgets HTML widget (`show_navigation`) because JupyterLab's renderer opens links in
plain outputs in a new tab, and a learner moving through a course expects the same tab.
"""

from __future__ import annotations

from typing import Any

from .course import Course, Module, load_course
from .htmlsafe import escape
from .safety import crisis_banner_html, crisis_resources

HOME = "home.ipynb"
NAV_CSS = (
    "<style>.fc-nav{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:baseline;"
    "font-size:15px;margin:4px 0}.fc-nav a:link,.fc-nav a:visited,.fc-help summary{"
    "text-decoration:underline;color:#0b57d0}.fc-help summary{cursor:pointer;"
    "display:inline}.fc-help{margin:2px 0 8px}</style>"
)


def module_label(course: Course, module: Module) -> str:
    """'Module 1 · Motivational interviewing: …', the name a module goes by in links."""
    return f"Module {course.modules.index(module)} · {module.title}"


def lesson_file(module: Module) -> str:
    return next((nb.file for nb in module.notebooks if nb.kind == "lesson"), "00-lesson.ipynb")


def lesson_href(module: Module, from_module: bool) -> str:
    """The link to a module's lesson from the home page or from another module's page."""
    prefix = "../" if from_module else ""
    return f"{prefix}{escape(module.id)}/{escape(lesson_file(module))}"


def crisis_link_html(country: str | None = None) -> str:
    """A one-click disclosure with the crisis resources (opened with Enter or a click)."""
    r = crisis_resources(country)
    return (
        '<details class="fc-help"><summary style="cursor:pointer;text-decoration:underline;'
        'color:#0b57d0;font-size:15px">Need help now? Crisis resources '
        f"({escape(r.country_name)})</summary>{crisis_banner_html(country)}</details>"
    )


def navigation_html(
    course: Course, module_id: str, where: str = "top", page: str = "lesson"
) -> str:
    """Home, previous and next links for a module's page, the module's other page (its
    self-check from the lesson, its lesson from the self-check), then the crisis resources."""
    from .self_check import self_check_file

    module = course.module(module_id)
    index = course.modules.index(module)
    links = [f'<a href="../{HOME}">⌂ Course home</a>']
    short = escape(module_label(course, module).split(":")[0])
    if page == "self-check":
        links.append(f'<a href="{escape(lesson_file(module))}">Lesson: {short}</a>')
    elif any(nb.kind == "exercise" for nb in module.notebooks):
        links.append(f'<a href="{escape(self_check_file(module))}">Self-check: {short}</a>')
    if index > 0:
        before = course.modules[index - 1]
        links.append(
            f'<a href="{lesson_href(before, True)}">← Previous: '
            f"{escape(module_label(course, before))}</a>"
        )
    if index + 1 < len(course.modules):
        after = course.modules[index + 1]
        links.append(
            f'<a href="{lesson_href(after, True)}">Next: '
            f"{escape(module_label(course, after))} →</a>"
        )
    label = "Course navigation" if where == "top" else "Course navigation (end of page)"
    return (
        f'{NAV_CSS}<nav class="fc-nav" aria-label="{escape(label)}">{"".join(links)}</nav>'
        + crisis_link_html()
    )


def show_navigation(module_id: str, where: str = "top", page: str = "lesson") -> Any:
    """Notebook entry point: the navigation as a widget (its repr displays it)."""
    import ipywidgets as w

    return w.HTML(navigation_html(load_course(), module_id, where, page))
