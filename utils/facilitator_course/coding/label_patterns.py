"""The patterns that find an identity label applied to the person in a reply ("you're an
addict", "lots of alcoholics...", "the gambler in you") and tell it from a reflection of how the
person is seen ("you're tired of being called an addict").

Split from `harm.py` (which combines advice, confrontation and labels clause by clause) so that
each file stays readable; `flags.find_labeling` finds the labels that depend on context.
"""

from __future__ import annotations

import re

from .flags import _ADJECTIVE_USE

# Identity labels that find_labeling (flags.py) leaves to context, applied to "you" directly.
_LABEL_NOUN = (
    r"(?:addicts?|alcoholics?|junkies|junkie|druggies|druggie|drunks?|alkies|alky|lush|boozers?"
    r"|boozehounds?|pissheads?|piss heads?|stoners?|potheads?|crackheads?|cokeheads?|methheads?"
    r"|smackheads?|tweakers?|degenerates?|dope fiends?|gamblers?|drinkers?|users|user|smokers?"
    r"|gaming addicts?|gamers?|losers?|failures?|lost causes?|hopeless cases?|wastes? of space"
    r"|disgraces?|game junkies?|gaming junkies?|crack heads?|pot heads?|enablers?|codependents?|codependency|compulsive gamblers?)"
)
_LABEL_GROUP = re.compile(
    r"\b(?:most|other|typical|all|those|these|the other|real|proper|like|lots of|a lot of|many"
    r"|plenty of|compulsive|problem|happens? to|happened to|common (?:for|in|with|among))"
    r" (?:addicts|junkies|alcoholics|druggies|drunks|gamblers|stoners|crackheads|potheads"
    r"|pissheads|boozers|degenerates|codependents|enablers|users)\b|\bbeing an? (?:\w+ )?(?:addict"
    r"|alcoholic|junkie|druggie|codependent)\b|\b(?:that is|it is|this is) (?:just |only |all )?"
    r"(?:the|your) (?:\w+ )?(?:addiction|addict|alcoholic|junkie|disease) (?:talking|taking"
    r"|speaking|in you)\b|^(?:\w+ )?(?:junkie|addict|alcoholic|druggie|codependent)s?\s*[.!]?$|\b(?!chocaholic)\w+aholics?\b|\b(?:the|your) (?:addict|junkie|alcoholic"
    r"|\w+aholic|stoner|gambler|druggie|user) (?:side|part) of you\b"
    r"|\b(?:every|any|a typical|a classic|classic|typical|textbook) (?:\w+ )?(?:addict|alcoholic"
    r"|junkie|druggie|drunk|gambler|stoner|pisshead|user)\b|\bif not an? (?:\w+ )?(?:addict"
    r"|alcoholic|junkie|druggie|drunk)\b|\byou are (?:\w+ ){0,3}(?:kind|sort|type) of (?:\w+ )?"
    r"(?:addict|alcoholic|junkie|druggie|drunk|gambler|stoner)\b|\b(?:that is|this is|it is)"
    r" (?:exactly |just |literally |basically )?what an? (?:\w+ )?(?:addict|alcoholic|junkie"
    r"|druggie|drunk|problem gambler) (?:is|does|looks like|says)\b"
    r"|\b(?:than|becoming|turn into|turning into) an? (?:\w+ )?(?:junkie|addict|alcoholic"
    r"|druggie|stoner|pothead|crackhead|pisshead|drunk)\b|\b(?:junkie|addict|alcoholic|stoner"
    r"|pothead|druggie) in the making\b"
    # a diagnosis of the person or the family ("a classic case of a compulsive gambler and an
    # enabling parent", "we'd call that addiction")
    r"|\b(?:classic|textbook|typical|clear) case of\b|\benabling (?:parent|partner|mother"
    r"|father|mum|mom|dad|wife|husband|family)\b|\b(?:we|i|most people|anyone|doctors) would"
    r" call (?:that|it|this|what you do) (?:an? )?(?:addiction|dependence|dependency|alcoholism"
    r"|problem (?:drinking|gambling))\b"
)
_LABEL_APPLIED = re.compile(
    r"\b(?:you are|you were|you have become|you will (?:always |still )?be|you will always"
    r" remain|you are still|you are becoming|you sound like|you act like|you are acting like"
    r"|you are turning into|you are basically|you are clearly|you are obviously|you are such)"
    r"(?: (?:just|only|basically|clearly|obviously|really|still|always|such|nothing but|a|an"
    r"|total|complete|real|proper|typical|classic|full blown|functioning|high functioning"
    r"|problem|compulsive|chronic|hopeless|heavy|degenerate|recovering|gambling|drug|binge"
    r"|weekend|raging))* " + _LABEL_NOUN + r"\b"
    r"|\b(?:once an? \w+(?: ,)? always an?|addicts? like you|people like you|your (?:sort|kind|type)"
    r"|typical (?:addict|alcoholic|junkie|gambler|drinker|user)|you (?:addicts|alcoholics"
    r"|junkies|gamblers|druggies|people))\b"
    r"|\b(?:are|were) you (?:an?|just an?|really an?|basically an?)(?: \w+)? " + _LABEL_NOUN + r"\b"
    r"|\b(?:bit of an?|your an?|your such an?|ur an?|sort of an?|kind of an?) (?:\w+ )?"
    + _LABEL_NOUN
    + r"\b"
    r"|\b(?:the|your|a|resident|inner) (?:\w+ )?(?:addict|alcoholic|junkie|gambler|druggie|drunk"
    r"|pisshead|drinker|stoner|user) (?:side|in you|part of you|brain|voice|talking|winning)\b"
    r"|\b(?:being|as|like) an? (?:\w+ )?(?:drunk|pisshead|junkie|addict|alcoholic|druggie"
    r"|crackhead|stoner) (?:at|on|every|does not|is|like|who)\b"
    r"|\b(?:resident|family|house|office|token|local|village) (?:\w+ )?(?:junkie|addict"
    r"|alcoholic|drunk|pisshead|druggie|stoner|gambler)\b|\b(?:drinker|gambler|user|smoker)"
    r" or (?:an? )?(?:alcoholic|addict|junkie|druggie)\b|\blike an? (?:pisshead|drunk"
    r"|junkie|addict|alcoholic)\b"
)
# Words before a label that show the reply reflects how the person is seen or sees themselves.
_LABEL_REPORTED = re.compile(
    r"\b(?:called|calling|call|label|labelled|labeled|treated|seen|see|think|thinks"
    r"|thought|feel like|feel|felt|feels|worry|worried|afraid|scared|as if|whether|wonder"
    r"|wonders|wondering|doubt|doubts|suspect|suspects|asking yourself|says|said|tells|told"
    r"|hear|heard|fear|fears|ashamed)\b"
    r"[^.?!]{0,30}$"
)


# A question of the facilitator's that puts a label to the person ("do you think you're an
# addict?", "what do you think feeds the gambler in you?"): asking is applying, not reporting.
_ASKS_THEM = re.compile(
    r"\b(?:what|how|why|when|where|do|does|did|would|wouldn't|don't) (?:do |does |did )?you"
    r" (?:think|feel|reckon)\b(?:(?! (?:called|calling|call|label|labelled|labeled|treated|seen"
    r"|see|says|said|tells|told|hear|heard)\b)[^.?!]){0,30}$"
)


# Name-calling that is not an identity label but works like one ("you're a total nightmare on
# Mondays", "you're a mess"): "sounds like" in front does not make it a reflection.
INSULT = re.compile(
    r"\byou are (?:a |an )?(?:total |complete |real |right |proper |bit of a |such a |an absolute"
    r" |absolute )?(?:nightmare|mess|disaster|wreck|liability|joke|hypocrite|menace|idiot"
    r"|muppet|waste of space)\b"
)


# A label named in order to set it aside ("Nobody here thinks you're a junkie", "that's not a word
# we use"): the repair the course teaches after someone has been labelled, not a label.
SETS_LABEL_ASIDE = re.compile(
    r"\b(?:nobody|no one|none of us|not one of us)(?: here| in (?:this|the) (?:room|group))?"
    r"(?: is going to| will| would| is| has ever)? (?:thinks?|calls?|calling|call|sees?|judges?"
    r"|labels?|labelling)(?: of)? you\b|\b(?:not|never) (?:a )?(?:word|label|term)s? (?:we|i)"
    r" (?:use|like|go in for)\b|\bwords? (?:is not|are not|never gets?|never get) used\b"
    r"|\bwe do not (?:use|do|go in for) (?:labels|that word|those words|words like)\b"
    # the facilitator's own label taken back ("I'm sorry, that was a label")
    r"|\b(?:sorry|apologies|i apologi[sz]e)\b[^.?!]{0,12}\b(?:that|it) was (?:a label|labelling"
    r"|unfair)\b|\bi (?:should not|should never) have (?:used|said) (?:that|the) (?:word|label)\b"
    # the facilitator disowning the lecture ("I don't want to be another voice nagging you",
    # "I'm not here to lecture you")
    r"|\bi (?:do not want|would not want|am not trying|am not here|am not going) to (?:be|sound"
    r" like|become|lecture|nag|judge|preach|tell you what|argue|give (?:you )?(?:a lecture|one))\b"
)


# The strongest identity nouns: said about the person in any construction ("the profile of a
# benzodiazepine addict", "proud alcoholic!", "all us junkies") they label, unless the reply
# reports, quotes, denies or sets the word aside (harm._label_in decides those).
STRONG_LABEL = re.compile(
    r"\b(?:addicts?|alcoholics?|junkies|junkie|druggies|druggie|alkies|alky|pissheads?"
    r"|crackheads?|smackheads?|cokeheads?|methheads?|potheads?|stoners?|degenerates?|dope fiends?)"
    r"\b(?! (?:side|part|voice|brain|thinking|mind) of\b)"
)
# What shows a strong label is named, not applied: denied right before it ("not an addict",
# "nobody's a junkie here"), introduced as a word ("the word alcoholic", "labels like"), or
# about people in general in a sentence that also says the course avoids such words.
_NOT_APPLIED_BEFORE = re.compile(
    r"(?:\bnot (?:a |an |some |one of (?:the |those )?)?|\bno |\bnever (?:been )?(?:a |an )?"
    r"|\bnobody(?: here)? is (?:a |an )?|\bnone of us are |\bwithout being (?:a |an )?"
    r"|\b(?:the|that|a) (?:word|words|label|labels|term|terms)(?: like| such as)? |\blike "
    r"|\bcall(?:s|ed|ing)? (?:yourself|you|me|him|her|them|themselves|myself|us) (?:a |an )?"
    r"|\bsays? (?:you are |he is |she is |i am )?(?:a |an )?"
    r"|\b(?:written off|seen|treated|thought of|dismissed|branded|labell?ed|judged|described"
    r"|known|looked (?:at|down on)) as (?:just )?(?:a |an )?)(?:\w+ )?$"
)


_MENTIONED = re.compile(
    r"\b(?:describe|describes|described|describing|see|sees|think of|view|views|identify"
    r"|identifies) (?:yourself|themselves|himself|herself|myself|ourselves|themself)? ?as"
    r"(?: an?)?(?: \w+)? $"
)
_LIST = ("or", "and", ",", ", or", ", and", "/")


def strong_label_applied(norm: str) -> str | None:
    """A strong identity noun said about the person (not denied, quoted or named as a word,
    and not the next of a list of such words: "labels like addict or alcoholic")."""
    named_end = -1
    for match in STRONG_LABEL.finditer(norm):
        if _ADJECTIVE_USE.match(norm, match.start()):
            continue  # "alcoholic drinks"
        before = norm[max(0, match.start() - 60) : match.start()]
        between = norm[named_end : match.start()].strip() if named_end >= 0 else None
        if _NOT_APPLIED_BEFORE.search(before) or _MENTIONED.search(before) or between in _LIST:
            named_end = match.end()
            continue
        left, right = norm[max(0, match.start() - 3) : match.start()], norm[match.end() :][:3]
        if ("'" in left and "'" in right) or ('"' in left and '"' in right):
            continue
        return match.group(0)
    return None
