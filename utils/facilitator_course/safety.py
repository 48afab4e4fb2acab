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
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml


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
    """True when text mentions suicide, self-harm or overdose, or the writer's own wish to die.

    Errs on the side of showing help: learners see crisis resources for either kind of text.
    """
    plain = str(text or "").translate(_PLAIN)
    return bool(_DISTRESS.search(plain) or _OWN_DISTRESS.search(plain))


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


# Words that may sit between "I" and what follows ("I really want to die", "I've just been
# thinking about suicide"). Kept short and explicit so the match stays inside one clause.
_ADVERBS = (
    r"(?:(?:just|really|sometimes|often|still|honestly|actually|kind\s+of|sort\s+of|kinda|even"
    r"|also|seriously|truly|lately|recently|again|so|very|quite|always|constantly|keep|kept"
    r"|started|been|have|had|am|was|do|did)\s+)*"
)
_I = r"\bi(?:'m|'ve|'d|m|ve)?\s+" + _ADVERBS
_MYSELF = r"my\s*self"
_MY_LIFE = r"my\s+(?:own\s+)?life"
_ABOUT_DYING = (
    rf"(?:suicide|killing\s+{_MYSELF}|ending\s+(?:it\s+all|{_MY_LIFE})|taking\s+{_MY_LIFE}"
    r"|dying|not\s+(?:being\s+(?:here|around|alive)|waking\s+up)|self[-\s]?harm\w*|overdos\w*)"
)
_OWN_DISTRESS_PATTERNS = (
    # "kill myself", "hurting myself", "end my life": the words themselves are first person
    rf"\b(?:kill|killing|hurt|hurting|cut|cutting|harm|harming|burn|burning)\s+{_MYSELF}\b",
    rf"\b(?:end|ending|take|taking)\s+{_MY_LIFE}\b",
    r"\bmy\s+(?:\w+\s+)?suicide\s+attempt",
    # "I'm suicidal", "I feel suicidal", "I've had suicidal thoughts"
    rf"{_I}(?:(?:feeling|felt|feel|getting|get|got|having)\s+)?{_ADVERBS}suicidal\b",
    # "I've been thinking about suicide", "I keep having thoughts of dying"
    rf"{_I}(?:thinking|thought|dreaming|fantasi[sz]ing)\s+(?:about|of)\s+{_ABOUT_DYING}",
    rf"{_I}(?:having|get|getting|got)\s+(?:\w+\s+)?thoughts\s+(?:of|about)\s+{_ABOUT_DYING}",
    # "I want to die", "I wish I was dead", "I'm going to end it all" (not "going to die of...")
    rf"{_I}(?:want(?:ed)?\s+to|wanna|wish\s+i\s+could|feel\s+like\s+i\s+want\s+to)\s+{_ADVERBS}"
    r"(?:die|be\s+dead|end\s+it\s+all|end\s+everything|not\s+(?:exist|wake\s+up))\b",
    rf"{_I}(?:going\s+to|gonna|plan(?:ned)?\s+to|tried\s+to|attempted\s+to)\s+{_ADVERBS}"
    r"(?:end\s+it\s+all|end\s+everything)\b",
    rf"{_I}feel\s+like\s+(?:dying|ending\s+it\s+all)\b",
    rf"{_I}wish\s+i\s+(?:was|were)\s+(?:dead|never\s+born)\b",
    rf"{_I}wish\s+i\s+(?:wasn'?t|weren'?t)\s+alive\b",
    rf"{_I}(?:don'?t|do\s+not|no\s+longer)\s+want\s+to\s+"
    r"(?:live|be\s+alive|wake\s+up|go\s+on|exist|be\s+here\s+any\s*(?:more|longer))\b",
    rf"{_I}(?:can'?t|cannot)\s+go\s+on\s+(?:living|like\s+this)\b",
    rf"{_I}(?:attempted|tried)\s+suicide\b",
    rf"{_I}(?:self[-\s]?harm\w*|overdosed|od'?d)\b",
    rf"{_I}(?:took|taken|take|had|tried\s+to\s+take|nearly\s+took)\s+an?\s+overdose\b",
    rf"{_I}(?:have|see|saw|can'?t\s+see|got)\s+no\s+(?:reason|point)\s+(?:(?:to|in)\s+)?"
    r"(?:live|living|go(?:ing)?\s+on)\b",
    r"\bno\s+(?:reason|point)\s+for\s+me\s+(?:(?:to|in)\s+)?(?:live|living|go(?:ing)?\s+on)\b",
    r"\bbetter\s+off\s+without\s+me\b",
    r"\bbetter\s+off\s+if\s+i\s+(?:was|were|wasn'?t|weren'?t)\s+(?:dead|gone|alive)\b",
    r"\bi(?:'d|\s+would)\s+be\s+better\s+off\s+dead\b",
    r"\bmy\s+life\s+(?:is\s+not|isn'?t|is\s+no\s+longer|wasn'?t)\s+worth\s+living\b",
    # Indirect wording people use instead of the word suicide. "Around" and "here" must end the
    # clause, so "easier if I wasn't around people who drink" is not matched.
    r"\b(?:easier|better)\s+(?:for\s+(?:everyone|everybody|them|my\s+\w+)\s+)?if\s+i\s+"
    r"(?:just\s+)?(?:wasn'?t|weren'?t|was\s+not|were\s+not|was\s+no\s+longer)\s+"
    r"(?:around|here|alive)(?:\s+any\s*(?:more|longer))?\s*(?:[.,;:!?)]|$|\b(?:and|but|so)\b)",
    rf"{_I}(?:want(?:ed)?\s+to|wanna|wish\s+i\s+could)\s+{_ADVERBS}"
    r"(?:disappear\s+(?:for\s*ever|for\s+good|permanently)|go\s+to\s+sleep\s+and\s+(?:never|not)\s+wake"
    r"|sleep\s+for\s*ever|stop\s+existing|not\s+be\s+(?:here|around|alive)\s*(?:any\s*(?:more|longer))?"
    r"\s*(?:[.,;:!?)]|$))",
    r"\bi(?:'m|m|\s+am|'ve\s+become|\s+have\s+become|\s+feel\s+like)\s+(?:\w+\s+){0,2}a\s+burden\s+"
    r"(?:to|on|for)\s+(?:everyone|everybody|my\s+\w+|them)\b",
    r"\bunaliv(?:e|ing)\s+my\s*self\b",
    r"\bwhat'?s\s+the\s+point\s+(?:of|in)\s+(?:living|being\s+alive|going\s+on)\b",
    r"\b(?:jump|jumping)\s+(?:off|from)\s+(?:a|the)\s+(?:bridge|roof|building)\b",
)
_OWN_DISTRESS = re.compile("|".join(f"(?:{p})" for p in _OWN_DISTRESS_PATTERNS), re.IGNORECASE)


def mentions_own_distress(text: object) -> bool:
    """True when text speaks of the writer's own suicidal thoughts, self-harm or overdose.

    Narrower than mentions_distress: "I would ask whether they are thinking of suicide" (a
    facilitator's words about someone else) is not matched; "I've been thinking of killing
    myself" and "sometimes I want to die" are. For telling a trainee's own distress apart from
    an answer that is about handling a crisis; anything a learner sees still uses
    mentions_distress.
    """
    return bool(_OWN_DISTRESS.search(str(text or "").translate(_PLAIN)))


# The course's one escalation rule (Module 5, section 2; the same sentence in Modules 0 and 4):
# any disclosure gets the crisis line and a private talk before the person leaves, and a plan, a
# method, intent, or harm already done means acting now, whatever point the meeting has reached.
# Engines and checkers call `escalation_for`; none keeps its own copy of the rule.
ACT_NOW, BEFORE_THEY_LEAVE = "act now", "before they leave"
ESCALATION_RULE = (
    "Take it seriously, talk privately, ask directly about suicide and connect the person with "
    "crisis help before they leave. A plan, a method or intent (or harm already done) means you "
    "act now: stay with them and contact the crisis line together, or emergency services if "
    "they are in immediate danger."
)
_ACT_NOW_CUES = re.compile(
    r"\b(?:(?:saved|saving|stockpil\w+|hoard\w*)\s+(?:up\s+)?(?:my\s+|some\s+|all\s+)?"
    r"(?:[a-z]+\s+)?(?:pills|tablets|meds|medication)|how\s+i(?:'d|\s+would|\s+will|'ll)\s+do\s+it"
    r"|(?:have|got|made)\s+a\s+plan|planned\s+(?:it|how)|(?:rope|bridge|gun|razor|blades?)\b"
    r"|(?:tonight|this\s+weekend|after\s+(?:this|the\s+meeting))\b.{0,40}\b(?:end\s+it|do\s+it)"
    r"|(?:going\s+to|gonna|intend\s+to|will)\s+(?:do\s+it|end\s+it|kill\s+my\s*self)"
    r"|(?:already|just)\s+(?:took|taken|swallowed|cut)|i(?:'ve|\s+have)\s+(?:taken|swallowed)"
    r"|overdosed)",
    re.IGNORECASE,
)


def escalation_for(text: object) -> str | None:
    """How fast the course's escalation rule says to act on what a person said.

    ACT_NOW when distress comes with a plan, a method, intent or harm already done;
    BEFORE_THEY_LEAVE for any other mention of distress; None when there is none.
    """
    if not mentions_distress(text):
        return None
    plain = str(text or "").translate(_PLAIN)
    return ACT_NOW if _ACT_NOW_CUES.search(plain) else BEFORE_THEY_LEAVE
