"""Checking an ABC(DE) worksheet: is each part the kind of thing that part should hold?

The commonest mistakes in the ABC are mixing up the parts: putting a belief in A ("my boss is an
idiot" instead of "my boss criticised my report"), a thought in C instead of a feeling or an
action, or an E that is the old demand reworded. Each part is checked for what it should and
should not contain, and the message says what to move where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .beliefs import analyse_belief
from .disputes import classify_dispute

_EMOTION = re.compile(
    r"\b(?:angry|anger|annoyed|furious|rage|irritated|frustrated|upset|sad|low|down|depressed"
    r"|hurt|lonely|scared|afraid|frightened|terrified|panic\w*|anxious|anxiety|nervous|worried"
    r"|stressed|overwhelmed|ashamed|shame|guilty|guilt|embarrassed|humiliated|disappointed"
    r"|hopeless|jealous|envious|resentful|numb|empty|miserable|gutted|devastated|furious"
    r"|on edge|tense|restless|wound up|fed up|rejected|useless feeling|awful|terrible|horrible"
    r"|rubbish|sick|shaky|shaking|crying|cried|tearful|concerned|annoyance|regret|sorrow)\b"
)
_BEHAVIOUR = re.compile(
    r"\b(?:drank|drunk|drink(?:ing)?|used|using|smoked|smoking|gambled|gambling|bet|placed a"
    r" bet|bought|went (?:to|out|home|back)|stayed (?:in|home|at)|left|walked out|shouted"
    r"|yelled|screamed|slammed|hit|punched|cried|hid|isolated|withdrew|avoided|skipped|called"
    r"|texted|ate|binged|couldn'?t sleep|lay awake|stopped|relapsed|lapsed|picked up|scored"
    r"|urge|urges|craving|cravings|wanted to (?:drink|use|smoke|bet|gamble|leave|hit|scream)"
    r"|felt like (?:drinking|using|having)|ignored|argued|snapped|sulked)\b"
)
_THOUGHT_MARKERS = re.compile(
    r"\b(?:i thought|i think|i told myself|telling myself|i believed?|i said to myself|it means"
    r"|this means|they think|he thinks|she thinks|everyone thinks|i'?m (?:a|an|such|so) )\b"
)


@dataclass(frozen=True)
class PartVerdict:
    """One part's verdict: ok, and the learner-facing message explaining it."""

    ok: bool
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"ok": self.ok, "message": self.message}


@dataclass(frozen=True)
class ABCCheck:
    """Verdicts for A, B, C and (when given) D and E; `all_ok` is True only if every given part is."""

    a: PartVerdict
    b: PartVerdict
    c: PartVerdict
    d: PartVerdict | None = None
    e: PartVerdict | None = None

    @property
    def parts(self) -> dict[str, PartVerdict]:
        return {
            k: v
            for k, v in (("a", self.a), ("b", self.b), ("c", self.c), ("d", self.d), ("e", self.e))
            if v is not None
        }

    @property
    def all_ok(self) -> bool:
        return all(v.ok for v in self.parts.values())

    @property
    def explanation(self) -> str:
        return " ".join(f"{k.upper()}: {v.message}" for k, v in self.parts.items())

    def __getitem__(self, key: str) -> PartVerdict | None:
        return getattr(self, key)

    def to_dict(self) -> dict[str, object]:
        return {k: v.to_dict() for k, v in self.parts.items()} | {"all_ok": self.all_ok}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def check_a(a: str) -> PartVerdict:
    if not a:
        return PartVerdict(False, "A is empty: what happened? Who, what, where, when.")
    belief = analyse_belief(a)
    if belief.irrational or _THOUGHT_MARKERS.search(a.lower()):
        found = ", ".join(s.text for s in belief.spans) or "what you thought"
        return PartVerdict(
            False,
            f"A should be the event itself, not what you made of it: "
            f"'{found}' sounds like a belief. Move it to B and keep in A only "
            "what a camera would have recorded.",
        )
    low = a.lower()
    if _EMOTION.search(low) and not re.search(
        r"\b(?:said|told|asked|called|offered|saw|got"
        r"|lost|missed|came|went|was at|were at|sent"
        r"|didn't|did not|happened|at (?:the|a|my|work)"
        r"|when)\b",
        low,
    ):
        return PartVerdict(
            False,
            "That sounds like a feeling, which belongs in C. A is what "
            "happened: who did or said what, and where.",
        )
    return PartVerdict(True, "A describes an event: what happened.")


def check_b(b: str) -> PartVerdict:
    if not b:
        return PartVerdict(False, "B is empty: what were you telling yourself about A?")
    belief = analyse_belief(b)
    if belief.irrational:
        names = ", ".join(t.replace("_", " ") for t in belief.irrational)
        return PartVerdict(True, f"B contains a belief ({names}): that is the part to dispute.")
    if belief.rational:
        return PartVerdict(
            True,
            "B contains a belief, and a flexible one. If the feeling in C "
            "was intense, look for the demand behind it ('must', 'should').",
        )
    if _THOUGHT_MARKERS.search(b.lower()) or re.search(
        r"\b(?:i|he|she|they|it|people|life)\b", b.lower()
    ):
        if _EMOTION.search(b.lower()) and not _THOUGHT_MARKERS.search(b.lower()):
            return PartVerdict(
                False,
                "B reads like a feeling (that goes in C). B is what you "
                "were telling yourself: look for a 'must', 'awful' or 'can't "
                "stand it'.",
            )
        return PartVerdict(
            True,
            "B reads as a thought. Look inside it for the demand, the "
            "'awful', the 'can't stand it' or the put-down that drove C.",
        )
    return PartVerdict(
        False,
        "B should be what you were telling yourself, for example 'I must "
        "...' or 'It's awful that ...'.",
    )


def check_c(c: str) -> PartVerdict:
    if not c:
        return PartVerdict(
            False, "C is empty: how did you feel, and what did you do or want to do?"
        )
    low = c.lower()
    emotion, action = _EMOTION.search(low), _BEHAVIOUR.search(low)
    belief = analyse_belief(c)
    if belief.irrational and not emotion:
        return PartVerdict(
            False,
            "C should be a feeling or an action; this sounds like a belief, which belongs in B.",
        )
    if emotion or action:
        what = " and ".join(
            x for x in ("a feeling" if emotion else "", "an action or urge" if action else "") if x
        )
        return PartVerdict(True, f"C names {what}: a consequence.")
    return PartVerdict(
        False,
        "C should name a feeling (anxious, angry, ashamed...) or what you did or felt like doing.",
    )


def check_d(d: str) -> PartVerdict:
    result = classify_dispute(d)
    if result.kind == "none":
        return PartVerdict(False, result.explanation)
    return PartVerdict(True, f"D is a {result.kind} dispute. {result.explanation}")


def check_e(e: str) -> PartVerdict:
    if not e:
        return PartVerdict(False, "E is empty: write the more flexible belief you arrive at.")
    belief = analyse_belief(e)
    if belief.irrational:
        names = ", ".join(t.replace("_", " ") for t in belief.irrational)
        return PartVerdict(
            False,
            f"E still contains {names}. Try a preference: 'I'd like ..., "
            "but it doesn't have to ...'.",
        )
    if belief.rational:
        names = ", ".join(t.replace("_", " ") for t in belief.rational)
        return PartVerdict(True, f"E is a rational alternative ({names}).")
    return PartVerdict(
        False,
        "E should be a flexible belief that replaces B, e.g. 'I'd prefer "
        "..., but I can stand it if not' or 'that doesn't make me a failure'.",
    )


def check_abc(
    a: object, b: object, c: object, *rest: object, d: object = None, e: object = None
) -> ABCCheck:
    """Check A, B, C and optionally D and E.

    Called as check_abc(a, b, c), check_abc(a, b, c, e), check_abc(a, b, c, d, e) or with
    keywords d= and e=. Parts that are not text are treated as empty.
    """
    if len(rest) == 1 and e is None:
        e = rest[0]
    elif len(rest) >= 2:
        d = rest[0] if d is None else d
        e = rest[1] if e is None else e
    a_, b_, c_ = _text(a), _text(b), _text(c)
    d_ = check_d(_text(d)) if _text(d) else None
    e_ = check_e(_text(e)) if _text(e) else None
    return ABCCheck(check_a(a_), check_b(b_), check_c(c_), d_, e_)
