"""The two flags a response can carry whatever its code: labeling and disguised advice.

Both are rules rather than learned weights because they have to be explainable word for word: a
learner who is told "this labels the person" must see exactly which words did it, and a response
that only *talks about* labels ("we don't use words like 'addict' here") must not be flagged.
All patterns run on `text.normalise` output (lowercase, contractions expanded).
"""

from __future__ import annotations

import re

# Identity labels that sum a person up by a behaviour. "gambler", "smoker", "drinker" and "user"
# are ordinary nouns in most sentences, so they only count in the explicit patterns further down.
_LABEL = (
    r"(?:addicts?|alcoholics?|junkies|junkie|druggies|druggie|crackheads?|crack heads?|potheads?"
    r"|stoners?|cokeheads?|methheads?|meth heads?|tweakers?|smackheads?|pillheads?|pill heads?"
    r"|alkys?|alkies|drunks|a drunk|boozers?|winos?|lush|dope fiends?|degenerates?"
    r"|(?:gambling|gaming|food|sugar|sex|porn|drug|shopping|nicotine|weed|pill|opioid) addicts?)"
)
_LABEL_RE = re.compile(rf"\b{_LABEL}\b")
# "alcoholic" used as an adjective for a drink, not a person.
_ADJECTIVE_USE = re.compile(
    r"\balcoholic (?:drinks?|beverages?|content|liver|hepatitis|spirits?|version|ones?|cider"
    r"|punch|and non)\b"
)
# Words before a label that show it is being talked about rather than applied.
_MENTION_BEFORE = re.compile(
    r"(?:\b(?:words?|terms?|labels?|names?|phrases?)\b(?: (?:like|such as|of))?"
    r"|\b(?:call|calls|called|calling) (?:yourself|themselves|himself|herself|myself|ourselves"
    r"|themself|people|someone|somebody|them|you|him|her|me)(?: an?)?"
    r"|\b(?:describe|describes|described|describing) (?:yourself|themselves|himself|herself"
    r"|myself|ourselves)(?: as)?(?: an?)?"
    r"|\b(?:identify|identifies|identified|identifying) as(?: an?)?"
    r"|\b(?:see|sees|saw|seen|think of|thinks of|thought of|view|views) (?:yourself|themselves"
    r"|himself|herself|myself|ourselves) as(?: an?)?"
    r"|\b(?:seen|treated|written off|dismissed|judged|thought of|viewed|labelled|labeled"
    r"|branded|called) as(?: just)?(?: an?)?"
    r"|\b(?:think|thinks|thought|say|says|said|believe|believes|assume|assumes|reckon"
    r"|reckons) (?:that )?(?:you are|you were|i am|i was|he is|she is|they are) (?:just )?an?"
    r"|\bsuch as|\bbeing an?|\bbeing called(?: an?)?"
    r"|\b(?:avoid|avoids|avoiding|discourage|discourages|not use|not using|no) (?:labels?"
    r"|words?|terms?)(?: (?:like|such as))?)(?: ' | \" | )?$"
)
# A label is applied when it is said of someone: "you are an addict", "addicts like you",
# "as an alcoholic", "once an addict", "the addict in you", "welcome, fellow addicts".
_APPLIED_CUES = re.compile(
    r"\b(?:you|he|she|they|we|your \w+|i)(?: (?:will|would|might|may|could|can|must|always"
    r"|still|just|really|probably|definitely|forever|never|not|going to|got to))* (?:are|is|was"
    r"|were|am|be|become|remain|stay|have been|has been|had been)(?: \w+){0,3} $"
    r"|\b(?:as|once|like|being|been|become|becoming|still|for) (?:an?|just an?|such an?)?(?: \w+)? $"
    r"|\b(?:fellow|recovering|typical|real|true|such an?|total|complete|just an?|nothing but an?"
    r"|another|bunch of|like all|like the other|all the other|you|right then|okay|hi|hello"
    r"|welcome ,?|welcome)(?: \w+)? $"
)
_APPLIED_AFTER = re.compile(
    r"^ (?:like (?:you|us|him|her|them|yourself)|in you|inside you|always|never|can not|do not"
    r"|need|have|are|say|get|always say|will|just)\b"
)
_EXPLICIT_GAMBLER = re.compile(
    r"\b(?:you are|you were|you have been|as|being called) an? (?:(?:degenerate|compulsive"
    r"|problem|hopeless|addicted|addicted) )?(?:gambler|smoker|drinker|druggie|user)\b"
    r"|\b(?:gamblers|smokers|drinkers|users|stoners) like (?:you|us|him|her|them)\b"
    r"|\bonce an? (?:gambler|smoker|drinker|user)\b"
    r"|\b(?:my|your|his|her|their|our|the|an|a) (?:alcoholic|junkie|druggie|crackhead) (?:father"
    r"|dad|mother|mom|brother|sister|husband|wife|partner|son|daughter|friend|friends|uncle|aunt"
    r"|parent|parents|family|mate|mates|boyfriend|girlfriend|ex|neighbor|flatmate|roommate)\b"
)


def _is_mention(before: str, full: str, start: int, end: int) -> bool:
    """True when the label is quoted or introduced as a word ("labels like addict")."""
    if _MENTION_BEFORE.search(before):
        return True
    # Quoted: "'addict'" or '"junkie"' (normalise keeps quotes as separate characters).
    left = full[max(0, start - 3) : start]
    right = full[end : end + 3]
    return ("'" in left and "'" in right) or ('"' in left and '"' in right)


def find_labeling(norm: str) -> str | None:
    """The phrase that applies an identity label to a person, or None.

    Merely naming a label (explaining that SMART avoids it, reflecting how someone describes
    themselves) is not labeling.
    """
    explicit = _EXPLICIT_GAMBLER.search(norm)
    if explicit and not _is_mention(
        norm[: explicit.start()], norm, explicit.start(), explicit.end()
    ):
        return explicit.group(0)
    last_mention_end = -1
    for match in _LABEL_RE.finditer(norm):
        start, end = match.start(), match.end()
        if _ADJECTIVE_USE.match(norm, start):
            continue
        before = norm[max(0, start - 80) : start]
        listed = last_mention_end >= 0 and norm[last_mention_end:start].strip(" '\"") in (
            "or",
            "and",
            ",",
            ", or",
            ", and",
            "/",
        )
        if listed or _is_mention(before, norm, start, end):
            last_mention_end = end
            continue
        after = norm[end : end + 40]
        if (
            _APPLIED_CUES.search(norm[max(0, start - 40) : start])
            or _APPLIED_AFTER.match(after)
            or start == 0
            or norm[start - 2 : start] in (", ", ". ")
        ):
            words_before = norm[:start].split()[-3:]
            return " ".join([*words_before, match.group(0)]).strip(" ,.")
    return None


# Suggestions phrased as questions. The look-aheads exclude genuine questions such as "have you
# tried anything that helped?" or "have you thought about what you want?".
_DISGUISED = re.compile(
    r"^(?:so |and |but |okay |well |hmm |right )?"
    r"(?:(?:have|did) you (?:ever |not |maybe |just )?(?:tried|try|thought about|thought of"
    r"|considered|consider|think about|think of|looked into|looked at)"
    r"(?! (?:what|how|why|whether|if|where|when|who|which|anything|any|something|that|this|it"
    r"|them|those|these|about|the things|things|much|yet|before|lately|recently)\b)"
    r"|why (?:do not|not|don't|dont|wouldn't|would not) you\b|why not\b"
    r"|(?:how|what) about (?:(?:you|maybe|just) (?!\?)\w+|\w+ing\b)"
    r"|what if you\b|would not it be|wouldn't it be|would it not be"
    r"|could not you|couldn't you|could you (?:maybe|just|not|perhaps|possibly|try)"
    r"|should not you|shouldn't you|is not it time|isn't it time|is it not time"
    r"|do you (?:not )?think (?:it|you) (?:might|would|could|should|may) (?:be (?:a good|better"
    r"|best|wise|worth|smart|helpful)|help|want to|need to|try)"
    r"|(?:would|will) you (?:consider|think about)"
    r"|(?:wouldn't|would not) you be better|don't you think you should|do not you think you"
    r")"
)
_SENTENCE = re.compile(r"[^.?!]+[.?!]?")


def find_disguised_advice(norm: str) -> str | None:
    """The words of a suggestion phrased as a question ("have you tried ...?"), or None.

    A question mark is not required: learners often leave it out, and the word order already
    makes these questions.
    """
    for sentence in _SENTENCE.findall(norm):
        match = _DISGUISED.match(sentence.strip())
        if match:
            return match.group(0).strip()
    return None
