"""Telling a demand from a practical must/should/need, for the belief finder (beliefs.py).

"I must stop drinking or I'm worthless" is a demand; "I must buy milk", "the meeting should finish
at eight", "you should see the view" and "you must be new" are not. Those readings take many
patterns of their own (times, errands, hedges, suggestions, guesses about others), so they live
here, apart from the cues for the belief types themselves. The clause helper is shared with the
negation check in beliefs.py.
"""

from __future__ import annotations

import re

_PRACTICAL_AFTER = re.compile(
    r"^ (?:\w+ ){0,6}?(?:at (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|noon|midnight)|by (?:\d|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|tomorrow|friday|monday|tonight|the end)|on (?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|the way)|(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)\b|around (?:\d|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve)|tomorrow|this (?:afternoon|morning|evening|week)|next week|to catch"
    r"|so (?:that|i can)|before (?:work|the|my)|after (?:work|school))"
)
_PRACTICAL_VERB = re.compile(
    r"^ (?:buy|get (?:some|more|milk|a new|the|my|petrol|gas|groceries)|pick \w+ up|pick up"
    r"|call|ring|phone|email|text|pay|finish|work|go to (?:work|the shop|the bank|bed)"
    r"|leave|catch|book|renew|collect|fix|clean|cook|charge|post|sign|admit|say|see the"
    r"|check|tell you|take (?:the|my) (?:bins|car|dog|kids|medication|tablets)|sort out"
    r"|remember|a new|new|to buy|more sleep|get more sleep|sleep|feed|walk the dog)\b"
)
_DEMAND_STRONG = re.compile(
    r"\b(?:always|never|all the time|at all times|no matter what|at all costs|or else"
    r"|or i'?m|or i am|or there'?s no point|or it'?s|perfect|perfectly|everyone|everybody"
    r"|absolutely|whatever it takes|(?:win|get) (?:it|the money|my money|everything) back"
    r"|right now|full stop|period|or i will|or i'll|ever)\b"
)
_NEED_DEMAND_AFTER = re.compile(
    r"^ (?:to )?(?:be |feel |win|have (?:a|my|one|another)|a (?:drink|smoke|cigarette|fag"
    r"|bet|hit|fix|line|joint|pill|spliff|beer)|my (?:fix|drink|smoke|pills|weed|bet)"
    r"|another (?:drink|bet|hit)|to (?:drink|use|smoke|gamble|bet|score|get high|control"
    r"|stay|prove|make everyone)|(?:drink|use|smoke|gamble|bet|score|get high|control|stay"
    r"|prove|make everyone|get (?:high|drunk|wasted|even|my money back)))"
)
_QUESTION_START = re.compile(r"^\s*(?:should|must|do|does|have|need) (?:i|we|you)\b")
_HEDGE_BEFORE = re.compile(
    r"\b(?:maybe|perhaps|probably|might|i think|i guess|possibly"
    r"|if (?:i|you|we) (?:want|wanted|need)|which means)\b[^,.;]{0,40}$"
)
_SUGGEST_SHOULD = re.compile(
    r"^ (?:really |definitely |totally )?(?:see|try|watch|read|hear"
    r"|visit|taste|check|come|have seen|have heard|get one|ask)\b"
)
_EXPECT_SUBJECT = re.compile(
    r"\b(?:the (?:meeting|bus|train|session|shop|film|game|group|class"
    r"|parcel|delivery|doctor|results?|weather|letter|rain)|it|that|this"
    r"|they|there)\s*$"
)
_EPISTEMIC_MUST = re.compile(
    r"^ (?:have (?:left|lost|forgotten|dropped|been|missed|gone"
    r"|put|had|taken|heard|seen|got|known)|be (?:new|tired|the|a|an"
    r"|late|lost|busy|somewhere|exhausted|joking|mistaken|wrong|right|stuck|delayed|running"
    r"|broken|closed|coming|on (?:its|their|his|her) way|off|out|away|there|here"
    r"|nice|hard for you|really|so|pretty|quite))\b"
)

_CLAUSE_BREAK = re.compile(r"[.;!?,]|\bbut\b|\bbecause\b|\bif\b|\bwhen\b")


def _clause_before(low: str, start: int, limit: int = 60) -> str:
    """The words before `start` in the same clause (bounded, for negation and hedges)."""
    window = low[max(0, start - limit) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _demand_is_practical(low: str, match: re.Match[str]) -> bool:
    word = match.group(0)
    start, end = match.start(), match.end()
    before = _clause_before(low, start)
    after = low[end : end + 80]
    clause_rest = re.split(r"[.;!?]|,\s*(?:but|and)\b|\bbut\b", after)[0]
    strong = bool(_DEMAND_STRONG.search(before + word + clause_rest))
    if word in ("no matter what", "at all costs") or "allow" in word:
        return False
    if _QUESTION_START.match(low[max(0, start - 10) : end + 5]) and "?" in low[end:]:
        return True
    if "?" in clause_rest and re.match(r"^\s*(?:\w+\s){0,2}$", before):
        return True
    if _HEDGE_BEFORE.search(before) and not strong:
        return True
    if word.startswith("must") and not word.startswith("mustn") and "not" not in word:
        subject = before.strip().split()[-1:] or [""]
        if _EPISTEMIC_MUST.match(after) and subject[0] not in ("i", "we"):
            return True
        return bool(re.match(r"^ have (?:left|lost|forgotten|dropped|missed|been)\b", after))
    if word.startswith("should"):
        if re.search(r"\byou\s*$", before) and _SUGGEST_SHOULD.match(after):
            return True
        if _EXPECT_SUBJECT.search(before) and _PRACTICAL_AFTER.match(after):
            return True
        if re.search(
            r"\b(?:the (?:meeting|bus|train|session|parcel|delivery|results?))\s*$", before
        ):
            return True
        return bool(_PRACTICAL_AFTER.match(after)) and not strong
    if word.startswith("need ") and not strong:
        return not _NEED_DEMAND_AFTER.match(" " + word.split(" ", 1)[1] + after)
    if word.startswith("need"):
        if strong:
            return False
        return not _NEED_DEMAND_AFTER.match(after) or bool(_PRACTICAL_AFTER.match(after))
    # have to / has to / got to / ought to
    if strong:
        return False
    if re.search(r"\bif (?:i|you|we) (?:want|wanted)\b", before):
        return True
    return bool(_PRACTICAL_AFTER.match(after) or _PRACTICAL_VERB.match(after))
