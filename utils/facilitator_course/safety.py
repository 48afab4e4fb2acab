"""Crisis resources and the distress check that puts them in front of a learner.

Safety content is shown wherever distress may come up: the safety lessons, role-plays about
disclosures, and any learner text that mentions suicide or self-harm. A learner practising
facilitation may write about their own experience; if their words suggest distress, the course
answers with the resources first, before any feedback.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .htmlsafe import escape
from .paths import data_dir

DEFAULT_COUNTRY = "US"

_DISTRESS = re.compile(
    r"\b(?:"
    r"suicid\w*|kill(?:ing)?\s+my\s*self|end(?:ing)?\s+(?:it\s+all|my\s+life)|take\s+my\s+(?:own\s+)?life"
    r"|(?:want(?:ed)?\s+to|wanna)\s+die|better\s+off\s+dead"
    r"|no\s+(?:reason|point)\s+(?:(?:to|in)\s+)?(?:live|living|going\s+on)"
    r"|self[-\s]?harm\w*|hurt(?:ing)?\s+my\s*self|cut(?:ting)?\s+my\s*self|overdos\w*"
    r"|don'?t\s+want\s+to\s+(?:be\s+here|live|wake\s+up)"
    r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CrisisResources:
    country: str
    country_name: str
    crisis_label: str
    crisis_contact: str
    emergency_label: str
    emergency_contact: str

    def as_text(self) -> str:
        return (
            f"If you or someone you are with may be in danger, contact {self.emergency_label}: "
            f"{self.emergency_contact}. For support now: {self.crisis_label}, "
            f"{self.crisis_contact}."
        )


@lru_cache(maxsize=1)
def _all_resources() -> dict:
    with open(data_dir() / "crisis_resources.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def configured_country() -> str:
    """FACILITATOR_COURSE_COUNTRY, else `safety.country` in course/course.yml, else the US."""
    env = os.environ.get("FACILITATOR_COURSE_COUNTRY")
    if env and env.strip():
        return env.strip().upper()
    try:
        from .course import load_course

        return load_course().country.strip().upper() or DEFAULT_COUNTRY
    except Exception:  # no course folder (package used on its own): fall back to the default
        return DEFAULT_COUNTRY


def crisis_resources(country: str | None = None) -> CrisisResources:
    """Resources for a country code; unknown codes fall back to a generic 'local number' entry."""
    code = (country or configured_country()).upper()
    table = _all_resources()
    entry = table.get(code) or table["OTHER"]
    return CrisisResources(
        country=code if code in table else "OTHER",
        country_name=entry["name"],
        crisis_label=entry["crisis"]["label"],
        crisis_contact=entry["crisis"]["contact"],
        emergency_label=entry["emergency"]["label"],
        emergency_contact=entry["emergency"]["contact"],
    )


# Typed text is not tidy: phones and word processors write curly apostrophes and Unicode hyphens,
# and pasted text can carry invisible characters inside a word. All are made plain before matching.
_PLAIN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)


def mentions_distress(text: object) -> bool:
    """True when text mentions suicide, self-harm or overdose. Errs on the side of showing help."""
    return bool(_DISTRESS.search(str(text or "").translate(_PLAIN)))


def crisis_banner_html(country: str | None = None, lead: str | None = None) -> str:
    r = crisis_resources(country)
    lead = lead or "If this is about you or someone near you right now, please reach out."
    return (
        '<div class="fc-crisis" role="alert" style="border-left:4px solid #b00020;'
        'background:#fdecee;padding:8px 12px;margin:6px 0;color:#1a1a1a">'
        f"<strong>{escape(lead)}</strong><br>"
        f"{escape(r.crisis_label)}: {escape(r.crisis_contact)}. "
        f"{escape(r.emergency_label)}: {escape(r.emergency_contact)}."
        "</div>"
    )
