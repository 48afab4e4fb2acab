"""Rules for the words in course content: crisis numbers, placeholders and person-first language.

Crisis numbers differ by country, so content never hard-codes them: authors write
`{crisis_line}` or `{emergency}` and the course fills in the configured country's resources
(safety.crisis_resources). The course's own voice (feedback, debriefs, descriptions) avoids
identity labels such as "addict"; a participant line may still use one, because real people do,
and a label inside quotation marks is a mention, not a use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..safety import crisis_resources

if TYPE_CHECKING:
    from ..content import Checker

PLACEHOLDERS = ("crisis_line", "emergency")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_HARD_CODED_NUMBER = re.compile(
    r"(?<![\d,.-])(?:988|911|116 ?123|13 ?11 ?14)(?!\d|[,.]\d)"
    r"|\b(?:call|dial|ring|phone)\s+(?:999|000|112)\b",
    re.IGNORECASE,
)
_IDENTITY_LABEL = re.compile(
    r"\b(?:addicts?|alcoholics?|junkies?|druggies?|drunks?|dope ?heads?|crackheads?|"
    r"pot ?heads?|gambling addicts?)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<![A-Za-z])'[^']*'(?![A-Za-z])")


def fill_placeholders(text: str, country: str | None = None) -> str:
    """Replace {crisis_line} and {emergency} with the configured country's resources."""
    if "{" not in text:
        return text
    res = crisis_resources(country)
    values = {
        "crisis_line": f"{res.crisis_label} ({res.crisis_contact})",
        "emergency": f"{res.emergency_label} ({res.emergency_contact})",
    }
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1).strip(), m.group(0)), text)


def unknown_placeholders(text: str) -> list[str]:
    return [
        m.group(1) for m in _PLACEHOLDER.finditer(text) if m.group(1).strip() not in PLACEHOLDERS
    ]


def hard_coded_numbers(text: str) -> list[str]:
    """Crisis or emergency numbers typed into content instead of a placeholder."""
    return _HARD_CODED_NUMBER.findall(text)


def identity_labels(text: str) -> list[str]:
    """Identity labels used (not quoted) in course-voice text."""
    return _IDENTITY_LABEL.findall(_QUOTED.sub(" ", text))


def content_text_problems(text: str, course_voice: bool) -> list[str]:
    """Plain-language descriptions of every text rule the value breaks."""
    problems = []
    for name in unknown_placeholders(text):
        problems.append(
            f"uses an unknown placeholder {{{name}}}; the placeholders are "
            + ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        )
    for number in hard_coded_numbers(text):
        problems.append(
            f"contains the number {number}; write {{crisis_line}} or {{emergency}} instead so "
            "the numbers follow the learner's country"
        )
    if course_voice:
        for label in identity_labels(text):
            problems.append(
                f"uses the identity label '{label}' in the course's own voice; describe the "
                "person or the behaviour instead (quote it if you are talking about the word)"
            )
    return problems


def report_text_problems(check: Checker, texts: Iterable[tuple[str, str, bool]]) -> None:
    """Every content_text_problems finding for (field, text, course voice?) triples, as errors."""
    for field, text, course_voice in texts:
        for problem in content_text_problems(text, course_voice):
            check.error(field, problem)
