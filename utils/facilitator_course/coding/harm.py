"""Finding harm in a reply, clause by clause: advice without permission, confrontation, labels.

The learned model judges a reply as a whole, and a good first half can outvote a harmful second
half ("It sounds hard, so you should stop."). Harm must never be rewarded, so these rules look at
every clause on their own and the coder lets any finding overrule the model (see
`coder.code_response`). The patterns are written for recall on the phrasings learners actually
use ("you could just", "it might help to", "why don't you", "we could look at cutting down",
"maybe try"), and each finding carries the words that triggered it, so the learner sees exactly
which part of the reply decided the verdict.

Advice counts as given *with* permission only when the participant asked for ideas, or the reply
itself asks permission or hands the choice back ("if you like", "up to you"): that is the MITI
rule for "persuade with permission". Everything runs on `text.normalise` output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .advice_patterns import ADVICE_PATTERNS, ADVICE_REPORTED, AFTER_COMMA, COMMA, IMPERATIVE
from .flags import find_disguised_advice, find_labeling
from .label_patterns import (
    _ASKS_THEM,
    _LABEL_APPLIED,
    _LABEL_GROUP,
    _LABEL_REPORTED,
    INSULT,
    SETS_LABEL_ASIDE,
    strong_label_applied,
)
from .text import normalise
from .verdicts import PUSHING_FACTS, VERDICT_PATTERNS

ADVICE = "advice"
CONFRONT = "confront"
LABEL = "label"

_CONFRONT_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\byou are (?:just |only |clearly |obviously |really )?(?:in denial|kidding yourself"
        r"|lying(?! (?:awake|in|on|down|there|around|low|still|back|up))|fooling yourself|making excuses|being (?:selfish|stupid|ridiculous|silly"
        r"|dramatic|childish|irresponsible|weak|lazy|naive|difficult|defensive)|selfish|lazy"
        r"|weak|pathetic|irresponsible|stupid|hopeless|a disgrace|a mess|the problem|not (?:even"
        r" |really )?trying|only here because|wasting)\b",
        r"\b(?:in denial|denial|just excuses|(?<!not )making excuses|no excuses|stop (?:kidding|lying"
        r"|pretending|feeling sorry|whining|complaining|blaming|making excuses|acting)"
        r"|kidding yourself|fooling yourself|lying to yourself)\b",
        r"\b(?:that is|it is|this is) (?:just )?(?:not true|nonsense|rubbish|ridiculous|an excuse"
        r"|a cop out|wrong|(?<!not )your (?:own )?fault|on you|selfish|pathetic|irresponsible|stupid"
        r"|no excuse|bad for you|killing you)\b",
        r"(?<!not )(?<!not all )(?<!not really )\byour (?:own )?fault\b|\bshame on you\b|\bwhat were you thinking\b|\bwhat is wrong"
        r" with you\b|\bgrow up\b|(?:^|time to |need to |got to |have to |just )wake up\b"
        r"|(?<!having to )(?<!have to )(?<!not to )\bface (?:it|facts|the facts|reality|up to)\b"
        r"|(?<!\bto )\badmit (?:it|that|you)\b|\b(?:need|have|got|ought) to admit\b|\bbe honest with yourself\b|\band you know it\b|\bcome on\b"
        r"|\bhow many times\b|\byou (?:never|always) (?:learn|do this|say that|listen|make)\b"
        r"|\byou will never\b|\byou only have yourself\b|\bshould be ashamed\b|\bso selfish\b"
        r"|\byou (?:are going to|will|gonna) (?:end up|lose|die|kill|ruin|regret|destroy)\b"
        r"|\bend up (?:dead|in hospital|in prison|in jail|on the street|alone|losing|broke)\b"
        r"|\byou have (?:a|got a) (?:serious |real |big |massive )?(?:problem|addiction)\b"
        r"|\bknows? (?:a (?:bit|lot|little|fair bit) |far |much |way )?(?:more|better) than you\b"
        r"|\byou know full well\b|\bjust saying\b|\b(?:does not|doesn't|will not|won't) make"
        r" (?:it|that|this|yours|you|your \w+) (?:okay|ok|right|alright|any better)\b"
        r"|\b(?:does not|doesn't) give you the right\b|\byou have no right\b"
        r"|\b(?:your|the|his|her|their) (?:kids|children|son|daughter|baby|wife|husband|partner"
        r"|family|mum|mom|dad|girlfriend|boyfriend) deserves? (?:better|a (?:dad|mum|mom|father"
        r"|mother|parent|partner|husband|wife))\b|\byou owe it to\b|\b(?:is not|isn't|not) fair"
        r" (?:on|to) (?:her|him|them|your|the)\b|\breal (?:mates|friends|men|parents|dads|mums)"
        r" (?:would not|wouldn't|do not|don't)\b|\b(?:is|are) (?:just |only )?punishing yourself\b"
        r"|\b(?:is not|isn't|is never|will not|won't) (?:going to )?(?:fix|solve|help)"
        r" (?:anything|your|the|it|that|things)\b|\b(?:will not|won't|will never) get (?:it|them|you"
        r"|her|him) (?:back|anywhere)\b|\b(?:that is|it is|that's|it's) typical(?: of)?\b"
        r"|, you know that\s*[.!]?$|\bfeeling sorry for yourself\b|\b(?:will not|won't|does not"
        r"|doesn't|is not going to|isn't going to|never) help (?:anyone|anybody|anything|matters"
        r"|you or)\b|\b(?:your|his|her|their) (?:sister|brother|wife|husband|partner|mum|mom|dad"
        r"|mother|father|doctor|gp|boss|friend|mate|mates|family|kids) (?:is|are|was|were|'s) (?:quite"
        r" |totally |absolutely |probably )?right\b|\b(?:that is|that's|this is|it is) (?:very"
        r" |really |quite |pretty |a bit |deeply )?(?:worrying|concerning|alarming|shocking"
        r"|disappointing|shameful|disgraceful|appalling)\b(?! ,? \w+ing\b)"
        r"|\bthe problem is you\b|\byou can not (?:be serious|handle it)\b|\byou obviously\b"
        r"|\byou clearly (?:have|are|do not|can not)\b|\bobviously (?:a|the) problem\b"
        r"|\bthink (?:about|of) (?:your|the) (?:kids|children|family|wife|husband|partner|mother"
        r"|mum|mom|dad|father)\b(?! (?:a lot|often|too)\b)|\bdo you (?:not )?(?:realize|realise"
        r"|understand|get) (?:how|that|what you|you are)\b|\bdo you even\b|\bwhat did you expect"
        r"\b|\bdon't you care\b|\bdo not you care\b|\byou keep saying\b"
        r"|\bnot how it works\b|\byou are not listening\b|\bi do not believe you\b"
        r"|\byou did this to yourself\b|\byou brought (?:this|it) on yourself\b|\byou chose"
        r" (?:this|that|to (?:drink|use|gamble|bet|smoke|ignore|lie|go back|keep (?:drinking|using"
        r"|betting|gambling)|spend|buy|pick))\b|\byou (?:should|ought to) (?:know|have known) better\b|\bknow better\b(?! than (?:anyone|anybody|me|us|most|any of us|i do|we do))"
        r"|\bat your age\b|\b(?:be|get|let us be) real\b|\bif you (?:really|actually|truly)"
        r" (?:cared|wanted|loved|meant)\b|\btake (?:some )?responsibility\b|\byour responsibility"
        r"\b|\bnobody (?:believes|buys)\b|\bnot fooling\b|\bhave it both ways\b"
        r"|\bhow could you\b|\bwhy (?:can not|would) you (?:just )?(?:not )?(?:stop|quit|see|admit"
        r"|listen|do)\b|\bwhy do you (?:keep|always|never)\b|\bsame (?:thing|story|excuse)"
        r" (?:every|again|as)\b|\bagain and again\b|\bwhat did you think would happen\b"
        r"|\bselfish\b|\birresponsible\b|\bpathetic\b|\bdisgraceful\b|\bdisgusting\b"
        r"|\bshameful\b|\bridiculous\b|\bnonsense\b|(?<!i am )(?<!i am a bit )(?<!i am so )(?<!i am total )\brubbish\b|\bkidding me\b"
        r"|\bgive me a break\b|\bseriously though\b|\byeah right\b|\bsure you (?:will|are"
        r"|did)\b(?= ?(?:[.!?,]|$| mate| then| eh))|\byou are (?:not|never) going to (?:change|stop|manage|make it)\b"
        r"|\bdenying\b|(?<!not )(?<!not an )(?<!not looking for )(?<!not making )(?<!no )"
        r"\bexcuses?\b|\bcop(?: |-)?out\b"
        r"|\b(?:they are|she is|he is|your (?:\w+ )?(?:is|are|was|were)) (?:dead |completely "
        r"|totally |absolutely |quite )?right\b(?! (?:there|here|now|to (?:ask|be|say|worry|feel)))"
        r"|\bbit rich\b|\bletting (?:them|her|him|everyone|people|us|your \w+) down\b"
        r"|\b(?:is|that is|it is|you are being|so|pretty|bit) (?:daft|stupid|silly|mad|crazy|dumb"
        r"|insane|idiotic|reckless|lazy)\b|\bis still using\b|\bdoes not make (?:it|that|\w+ing)"
        r" (?:okay|ok|all right|better|right)\b|\byou did choose\b|\bif you do not (?:\w+ ){1,4}"
        r"(?:nobody|no one|nothing)\b|\w \b(?!course\b)\w+(?: ,)? (?:you know|right) \.?$|\bwasting (?:it|your|money|time)"
        r"\b|\byou only have yourself\b|\bcould have (?:stopped|said no|walked away)\b"
        r"|\bit is not (?:\w+ ){0,2}at all\b|\bis not the word\b|\bcareless\b|\bdeserve better"
        r"\b|\bmust be (?:so |really |very )?(?:disappointed|ashamed|embarrassed) (?:in|of) you"
        r"\b|\bwhat would (?:your|the) (?:\w+ )?(?:wife|husband|partner|kids|children|son"
        r"|daughter|mum|mom|dad|mother|father|family|boss|parents) (?:say|think)\b"
        r"|\b(?:addicts|alcoholics|junkies|gamblers|drunks) for you\b"
        r"|\bare you sure (?:you should|you want to|that is|it is a good idea|about (?:that|this))"
        r"\b|\bswapping one (?:drug|addiction|habit) for another\b|\bjust another (?:drug|crutch"
        r"|addiction)\b"
        r"|\byou could have (?:killed|hurt|died|lost)\b|\b(?:it is|that is) a big deal\b"
        r"|\bthe facts are the facts\b|\bi am (?:only|just) trying to help\b|\bit is (?:easy|simple)"
        r" (?:if|when|once)\b|\bset your mind to\b|\bnobody bites\b|^(?:i am|look(?: ,)? i am)"
        r" (?:only |just )?trying to help\b"
        r"|\byou knew what would happen\b|\bconvenient (?:story|excuse|timing)\b|\b(?:pretty"
        r"|really|quite|so|bit) (?:embarrassing|shameful|stupid|silly|daft|irresponsible|careless"
        r"|reckless|selfish)(?: ,)? (?:is not|isn't) it\b"
        r"|\byou said that last time\b|\bsame old\b|\bagain \?|^(?:really|seriously) \?",
        # Rhetorical challenges: questions that argue instead of asking.
        r"\bhow is (?:that|this|it) working (?:out )?for you\b|\bis it (?:really|actually)"
        r" (?:\w+ )?(?:though )?\?|\b(?:is not|isn't) (?:that|this|it) (?:exactly |just |really )?"
        r"(?:the|your) (?:problem|point|issue|trouble)\b|\bdo you (?:really|honestly|actually|seriously)"
        r" (?:think|believe|expect)\b|\bsurely you (?:can|must|know|see|realise|realize)\b"
        r"|\bare (?:they|these|those) (?:really|even|actually) \w+\b[^?]*\?|\bwhere is the \w+"
        r" (?:when|once|after)\b|\bwhat do you expect\b|\bdid you not\b \?|\b(?:did not|didn't)"
        r" you \?$",
        # Point-scoring: the person's words turned against them.
        r"\byou said (?:that|the same|this|it) (?:last|before|every|at|about|when)\b|\bthen why"
        r" (?:do you |would you |are you )?(?:keep|carry on|still|bother|do it)\b|\bwhy (?:do you )?"
        r"keep (?:doing|going|using|drinking|gambling|playing|buying|smoking)\b|\bdeal with it\b"
        r"|\brules are rules\b|\bshame you\b|\bsick of (?:your|you)\b"
        r"|\b(?:it is|that is) (?:actually |really |pretty |quite |very )*simple\b|\bmight have"
        r" something to say\b|\b(?:know|knows) (?:a bit |a lot |a little )?more than you\b"
        r"|\bto be fair(?: ,)? (?:they|she|he|your)\b",
        # A motive put on the person ("maybe that's because you don't really want to stop").
        r"\b(?:maybe|perhaps|probably|i think|i reckon|i bet) (?:that is |it is |this is )?"
        r"(?:just )?because you (?:do not|are not|can not) (?:actually |really |even |truly )?"
        r"(?:want|ready|bothered|serious|trying)\b|\byou do not (?:actually|really|truly|even)"
        r" want to (?:stop|change|quit|cut|get better)\b",
        # Blame by "if only you had not": the person's own doing held up as the cause.
        r"\bif you (?:had not|did not|were not|had never|would just|had just)\b[^.?!]{0,60}\byou"
        r" (?:would not|would never) (?:need|have to|be (?:here|in|sitting|stuck))\b",
        # Arguing with how the person rates themselves ("so you're not useless"): the righting
        # reflex, which invites "yes, but" (Module 2 disputes a rating with questions instead).
        r"^(?:see(?: ,)? )?(?:so(?: ,)? )?you are not (?:useless|worthless|a failure|hopeless|stupid|weak"
        r"|pathetic|a loser|a bad (?:person|parent|mum|mom|dad|mother|father))\b",
        # Incredulity as a question.
        r"\b(?:are|were) you (?:serious|kidding|joking|for real|mad|crazy|out of your mind)\b"
        r"|\bhave you (?:lost your mind|gone mad)\b|\bhow (?:many times|stupid|could you)\b",
        # A warning of what will follow.
        r"\byou know what (?:will|is going to|is gonna|would) happen\b|\byou know how (?:this|it)"
        r" (?:ends|will end|goes)\b",
        # Moralising about what good people do.
        r"\b(?:good|responsible|decent|real|proper|sensible|normal) (?:drivers|parents|mothers"
        r"|fathers|mums|moms|dads|people|adults|employees|workers|friends|partners|husbands|wives"
        r"|students|nurses|carers) (?:do not|never|would not|would never|know better|always)\b",
        # Verdicts on the person's choices, said as facts.
        r"\b(?:the truth|the reality|the fact|the bottom line|truth) (?:is|be told)\b|\blet us face"
        r" it\b|\b(?:only|just|really) hurting (?:yourself|you|your)\b|\bnot doing yourself any"
        r" favou?rs\b|\b(?:wrecking|ruining|destroying|wasting) your (?:life|health|family|future"
        r"|marriage|relationship|money|chances)\b|\b(?:not|un) ?healthy\b|\bdestructive\b"
        r"|\b(?:as|like) a crutch\b|\busing (?:that|it|this|them|work|stress) as (?:a|an)"
        r" (?:crutch|excuse|reason)\b|\b(?:nice|convenient|good|handy) story\b|\bhere you are"
        r" again\b|\byou are the one who (?:keeps|kept|chose|did|went|started|made|let|picked"
        r"|bought|drank|used|lied)\b|\byou (?:did|signed) (?:sign up|up) for\b|\bnot rocket"
        r" science\b|\b(?:everyone|everybody|they all) (?:says|say) that\b",
    )
)
# For arguing words, a reflection stem also reports ("it sounds selfish to you").
_CONFRONT_REPORTED = re.compile(
    _LABEL_REPORTED.pattern.replace(
        "|says|",
        "|sounds|seems|tired of|sick of|fed up with|hate|hates|convinced|reckon|reckons|not sure|unsure|believe"
        "|believes|says|",
    )
)

_CLAUSE = re.compile(r"(?<=[.?!;:])\s+|\s+-\s+|\s*,\s*(?=(?:so|but|and then|and so|and)\s)")


@dataclass(frozen=True)
class HarmFinding:
    """One harmful move found in a reply: its kind, the clause it is in and the words that did it."""

    kind: str  # ADVICE, CONFRONT or LABEL
    clause: str  # as the learner typed it
    words: str  # the normalised words that matched


def clauses(text: str) -> list[str]:
    """The reply split into sentences and into the clauses joined by 'so', 'but' or 'and'."""
    parts = [p.strip(" ,") for p in _CLAUSE.split(text)]
    return [p for p in parts if any(ch.isalnum() for ch in p)]


def _advice_in(norm: str) -> str | None:
    if norm.rstrip(" ?").endswith(("to tell me", "tell me more")):
        return None
    match = IMPERATIVE.match(norm)
    if match and not re.match(r"^(?:\w+(?: ,)? )*(?:tell me|tell us|take your time)\b", norm):
        return match.group(0)
    for comma in COMMA.finditer(norm):
        # an instruction after a comma: "you miss the mornings, set an alarm and..."
        tail = norm[comma.end() :]
        match = AFTER_COMMA.match(tail)
        if match and not ADVICE_REPORTED.search(norm[: comma.start()]):
            return match.group(0)
    for pattern in (*ADVICE_PATTERNS, *PUSHING_FACTS):
        for match in pattern.finditer(norm):
            frame = ADVICE_REPORTED.search(norm[: match.start()])
            # "I wonder if you could swap it for running" is the facilitator's suggestion
            if not frame or (
                _said_by_me(norm, frame.start()) and not _JOINT.search(norm[frame.start() :])
            ):
                return match.group(0)
    return find_disguised_advice(norm)


# The facilitator's own view said after a reflection stem ("sounds like denial to me").
_MY_VIEW = re.compile(r"\b(?:to me|if you ask me|in my (?:view|opinion|book))\b")


def reports_a_view(norm: str, start: int, end: int) -> bool:
    """True when the words at norm[start:end] are reported, not the facilitator's own: a frame
    before them ("you feel it was selfish", "being called that feels ridiculous") and no "to me"
    after them ("sounds like denial to me" is the facilitator's verdict)."""
    if _MY_VIEW.search(norm[end:]):
        return False
    if _SAID_AFTER.match(norm[start:]):
        return True  # "it was a one-off, you reckon"
    frame = _CONFRONT_REPORTED.search(norm[:start])
    if not frame:
        return False
    last = frame
    while later := _CONFRONT_REPORTED.search(norm[:start], last.start() + 1):
        last = later  # the frame nearest the words decides ("sounds like being told...")
    if last.group(0).startswith(("sound", "seem")) and _VERDICT_WORDS.search(norm[start:end]):
        return False  # "it sounds like you're kidding yourself" is the facilitator's verdict
    # "I (just) think you're in denial" is the facilitator's own view, not one reported; "I
    # think you feel it was selfish" reports theirs: the frame nearest the words decides
    return not _said_by_me(norm, last.start())


# A frame said after the words that makes them the person's ("..., you're saying", "..., you
# reckon", "..., as you see it").
_SAID_AFTER = re.compile(
    r"[^.?!;]*?, (?:you are saying|you say|you said|you reckon|you feel|you think|as you see it"
    r"|in your (?:view|eyes)|you are telling (?:me|us)|you would say|is what you are saying)\b"
)


# Verdicts that "it sounds like" does not turn into a reflection.
_VERDICT_WORDS = re.compile(
    r"\b(?:kidding|fooling) yourself\b|\bin denial\b|\bmaking excuses\b|\bblaming (?:the|your"
    r"|other|everyone|everything|them|him|her|work|it on)\b|\b(?:problem|addiction)\b"
    r"|\b(?:had|has|have|got) (?:a |a fair |a good )?point\b"
)
# "I wonder if we could have a go at it together" invites; it does not tell.
_JOINT = re.compile(r"\bwe\b|\btogether\b|\blet us\b")
_MINE = re.compile(r"(?:^|[.,;] |\b(?:and|but|so|though) )i (?:(?!you\b)\w+ ){0,2}$")


def _said_by_me(norm: str, frame_start: int) -> bool:
    """True when the frame at `frame_start` ("wonder", "think", "feel") is the facilitator's own
    ("I wonder if...", "I just think..."), so what follows it is their view, not one reported."""
    return bool(_MINE.search(norm[:frame_start]))


def _confront_in(norm: str) -> str | None:
    for pattern in (*_CONFRONT_PATTERNS, *VERDICT_PATTERNS):
        for match in pattern.finditer(norm):
            if not reports_a_view(norm, match.start(), match.end()):
                return match.group(0)
    return None


def _reported(norm: str, start: int) -> bool:
    """True when the words before `start` show the reply reports the person's own view or how
    others see them ("you feel it was selfish", "you're tired of being called an addict").
    "What does it say that you're..." asks them to accept the label: not a report."""
    before = norm[:start]
    if re.search(r"\b(?:it|that|this) says\b[^.?!]{0,12}$", before):
        return False
    if _SAID_AFTER.match(norm[start:]):
        return True  # "you're not an addict, you're saying"
    found = _LABEL_REPORTED.search(before)
    if found and _ASKS_THEM.search(before):
        return False  # "what do you think triggers the shopaholic side of you?" applies it
    if found and _said_by_me(before, found.start()):
        return False  # "I wonder if... every addict slips": the facilitator's own words
    return bool(found)


def _label_in(norm: str) -> str | None:
    found = find_labeling(norm)
    if found and not _reported(norm, max(0, norm.find(found))):
        return found
    match = _LABEL_APPLIED.search(norm) or _LABEL_GROUP.search(norm) or INSULT.search(norm)
    if match and not _reported(norm, match.start()):
        return match.group(0)
    strong = strong_label_applied(norm)
    if strong and not _reported(norm, norm.find(strong)) and not SETS_LABEL_ASIDE.search(norm):
        return strong
    return None


_THEIR_PLAN = re.compile(
    r"\byou (?:are going to|will|want to|would like to|plan to|are planning to|intend to|hope to"
    r"|said you would|said you will|decided to|have decided to|are thinking of|might)\b"
)
_CARRIES_ON = re.compile(r"^(?:and|then|and then|or|plus)\b")


def find_harm(text: str) -> list[HarmFinding]:
    """Every harmful clause of a reply, in order: labels first within a clause, then
    confrontation, then advice (one finding per clause)."""
    findings = []
    their_plan = False
    for clause in clauses(text):
        norm = normalise(clause)
        # "You're going to ring the surgery, and ask your daughter": the verb after "and" carries
        # on the person's own plan, said back to them; it is not an instruction.
        continues_plan = their_plan and bool(_CARRIES_ON.match(norm))
        their_plan = bool(_THEIR_PLAN.search(norm)) or continues_plan
        for kind, finder in (
            (LABEL, _label_in),
            (CONFRONT, _confront_in),
            (ADVICE, _advice_in),
        ):
            if kind == ADVICE and continues_plan:
                continue
            words = finder(norm)
            if words:
                findings.append(HarmFinding(kind, clause, words.strip()))
                break
    return findings
