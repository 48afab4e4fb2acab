"""Recognising what a typed move does for the GROUP, beside what the MI coder says it is.

The coder (`coding.judge.code_response`) labels a reply to one person: a reflection, a question,
advice. A facilitator of a group also links two members, reflects to the whole group, brings in
the quiet member, redirects crosstalk, keeps time and asks for 7-day plans. These are recognised
here from the words, each with the words that showed it, so the learner's feedback can say what
was seen ("you linked Sam and Dana ('both of you')"). Whether a move was harmful is never decided
here: the coder's verdict wins (see engine.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..coding.permission import room_to_pass
from ..coding.suicide_talk import mentions_suicide, suicide_question

# Group-level moves, with the plain words the feedback uses.
GROUP_MOVES: dict[str, str] = {
    "welcome": "welcomed people",
    "explain_smart": "said what SMART meetings are",
    "ground_rules": "set the group's ground rules",
    "confidentiality": "stated confidentiality",
    "here_and_now": "set the here-and-now focus",
    "explain_format": "explained how the meeting runs",
    "start_check_in": "opened the check-in",
    "reflect_group": "reflected to the whole group",
    "link_members": "linked two members",
    "invite_quiet": "invited the quiet member by name",
    "redirect_crosstalk": "redirected crosstalk",
    "redirect_advice": "turned advice into shared experience",
    "respect_paths": "respected other recovery paths without debate",
    "welcome_to_listen": "welcomed someone intoxicated to listen, not share",
    "keep_time": "kept time / moved the meeting on",
    "set_agenda": "set the agenda from the check-in",
    "use_tool": "worked a tool on the board with the group",
    "group_ideas": "asked the group for ideas and experience",
    "ask_plan": "asked for a 7-day plan",
    "safety_check": "acted on the disclosure (private word, direct question, crisis help)",
    "close": "closed the meeting formally",
}


@dataclass(frozen=True)
class Recognised:
    move: str
    words: str  # what in the typed text showed it

    @property
    def plain(self) -> str:
        return f"{GROUP_MOVES[self.move]} ('{self.words}')"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Each move's cues. Kept as separate, readable patterns so an author can see why a move counted.
_CUES: dict[str, re.Pattern[str]] = {
    "welcome": _rx(
        r"\b(?:welcome|good (?:evening|morning|afternoon)|glad (?:you'?re|you are|to see)"
        r"|thanks? (?:you )?(?:all )?for coming)\b"
    ),
    "explain_smart": _rx(
        r"\bsmart\b.{0,80}\b(?:self[- ]?(?:empower\w*|management|help)|science"
        r"|tools?|mutual[- ]help|peer)|\b(?:self[- ]?empower\w*|science[- ]based"
        r"|four[- ]point|4[- ]point)"
    ),
    "ground_rules": _rx(
        r"\b(?:guidelines?|ground rules?|one (?:person )?at a time|no crosstalk"
        r"|no advice|(?:no|without) labels?|respect(?:ful)? (?:each other|of each)"
        r"|speak (?:for|from) (?:your|our)sel\w+|i[- ]statements?)\b"
    ),
    "confidentiality": _rx(
        r"\b(?:confidential\w*|stays? (?:here|in (?:this|the) room|in the group)"
        r"|what'?s said here|private)\b"
    ),
    "here_and_now": _rx(
        r"\b(?:here and now|present and future|this week|the week ahead|rather "
        r"than (?:the )?past|not (?:life|war) stories|today and tomorrow)\b"
    ),
    "explain_format": _rx(
        r"\b(?:check[- ]?in\b.{0,80}\b(?:working time|check[- ]?out|agenda)"
        r"|(?:then|after that),? we'?ll|the meeting runs|format)"
    ),
    "start_check_in": _rx(
        r"\b(?:check[- ]?in|how (?:has|was) (?:your|the) week|since (?:the|our)"
        r" last meeting)\b"
    ),
    "reflect_group": _rx(
        r"\b(?:(?:several|some|a few|many|most|all|both) of you|you all|the group"
        r" (?:is|seems|has)|as a group|a lot of us|several people|everyone "
        r"(?:here|seems)|between you|in this room)\b"
    ),
    "link_words": _rx(
        r"\b(?:both|same|similar|like (?:what )?\w+ (?:said|mentioned)|in common"
        r"|echo\w*|connects?|too|also|as well|just like|sounds close to)\b"
    ),
    "invite": _rx(
        r"\b(?:would you like|do you want|would you care|if you(?:'d)? (?:like|want)"
        r"|you'?re welcome|feel free|happy to hear|anything (?:you'?d|to) (?:like to )?"
        r"add|want to (?:share|add|check in)|how about you|what about you|your turn"
        r"|would you be willing)\b"
    ),
    "pressure": _rx(
        r"\b(?:you (?:have|need|must|ought) to (?:speak|share|talk|say)|everyone has to"
        r"|you can'?t just sit|why (?:are|aren'?t) you (?:so )?(?:quiet|talking))\b"
    ),
    "redirect_crosstalk": _rx(
        r"\b(?:hold (?:that|those|your|on to|onto)|let \w+ finish|one (?:person"
        r" )?at a time|(?:come|get) back to (?:that|it|you)|after check[- ]?in"
        r"|in working time|during working time|save (?:that|it)|let'?s (?:hear"
        r"|let) \w+|back to \w+|keep (?:the )?check[- ]?ins? (?:short|brief))"
    ),
    "redirect_advice": _rx(
        r"\b(?:sounds? like advice|(?:your|our) own experience|what (?:has )?"
        r"worked for you|i[- ]statements?|speak from|as a suggestion|what did you"
        r" (?:do|try)|share what (?:helped|worked)|from your experience)\b"
    ),
    "respect_paths": _rx(
        r"\b(?:(?:many|different|other|every|all) (?:paths?|ways?|routes?)|both "
        r"(?:smart|meetings|groups|programs?|programmes?)|whatever (?:works|helps)"
        r"|alongside|(?:aa|na|12[- ]step|twelve[- ]step)\b.{0,60}\b(?:welcome|fine"
        r"|respect|helps?|works?)|(?:welcome|respect)\b.{0,60}\b(?:aa|na|12[- ]step"
        r"|twelve[- ]step))"
    ),
    "welcome_to_listen": _rx(
        r"\b(?:(?:welcome|free|fine|okay|ok) to (?:stay|listen|sit)|stay and "
        r"(?:listen|observe)|another (?:time|week|night)|next (?:time|week)"
        r".{0,40}\bshar\w*|glass of water|some water|get home safe\w*|not drive)"
    ),
    "keep_time": _rx(
        r"\b(?:move on|moving on|next person|let'?s (?:go|turn|get|head|come) (?:on )?to"
        r"|(?:minutes?|mins?|time) (?:left|check)|short on time|keep(?:ing)? (?:an eye on )?"
        r"(?:to )?time|running (?:over|late|short)|before we (?:go on|move|finish|close)"
        r"|let'?s (?:start|begin|do) (?:the |our )?(?:check|agenda|working)|time to"
        r" (?:move|start|begin|close|finish|wrap)|wrap (?:up|things up)|take a "
        r"(?:short )?break|in the interest of time)\b"
    ),
    "set_agenda": _rx(
        r"\b(?:agenda|work on\b.{0,40}\b(?:tonight|today|first)|start with|focus on (?:tonight"
        r"|today)|what (?:would|shall) we (?:work|focus)|which (?:topic|issue)|(?:two|a few)"
        r" (?:things|topics|themes) came up)\b"
    ),
    "use_tool_cba": _rx(
        r"\b(?:cost[- ]?benefit|cba|pros and cons|benefits? (?:and|of)|costs? (?:and"
        r"|of)|advantages|disadvantages|the board|whiteboard|four boxes)\b"
    ),
    "use_tool_abc": _rx(
        r"\b(?:abc|activating event|beliefs?|consequences?|what went through (?:your|"
        r"his|her|their) mind|what (?:were|was) (?:you|he|she) telling|dispute|the "
        r"board|whiteboard)\b"
    ),
    "group_ideas": _rx(
        r"\b(?:what do (?:the rest of you|others|you all|the group|people)|has anyone"
        r"(?: else)?|does anyone|(?:anyone|others?|the group) (?:have|got) (?:any )?"
        r"(?:ideas|experience|thoughts)|what (?:has|have) (?:helped|worked for) (?:others"
        r"|any of you|people)|ideas from the group|the rest of (?:you|the group)|what "
        r"would (?:others|anyone|you all|the group)|who else|anyone else (?:have|got|want|like)"
        r"|(?:ideas|thoughts|experience) from (?:others|anyone))\b"
    ),
    "ask_plan": _rx(
        r"\b(?:(?:7|seven)[- ]day plan|plan for (?:the|this|next) (?:coming )?week|(?:this|"
        r"next|the coming) week\b.{0,40}\b(?:plan|do|try)|(?:plan|do|try)\b.{0,40}\b(?:this|"
        r"next|the coming) week|before (?:we|the) next meeting|between now and next"
        r"|(?:next|coming) (?:7|seven) days"
        r"|take away)\b"
    ),
    "safety_private": _rx(
        r"\b(?:privately|in private|a (?:quiet )?word|step (?:outside|out)|talk "
        r"(?:with you )?(?:alone|outside|now)|breakout|a (?:short|quick) break|just "
        r"(?:the two of us|us|you and me)|(?:talk|chat|speak)(?: with you| to you)? (?:at|during)"
        r" the break|after the meeting)\b"
    ),
    # Asking about safety other than by naming suicide; the suicide words themselves are the
    # coder's one rule (coding/suicide_talk.py), read in `recognise`.
    "safety_ask": _rx(r"\b(?:(?:are|do) you (?:feel )?safe|those tablets|the (?:pills|tablets))\b"),
    "safety_refer": _rx(
        r"\b(?:crisis (?:line|lifeline|number|team|service)|988|911|999|112|"
        r"emergency|call (?:them|someone|the)|stay with you|your doctor|get (?:you )?"
        r"help (?:now|tonight)|helpline|samaritans|lifeline)\b"
    ),
    "close": _rx(
        r"\b(?:close (?:the|tonight'?s|our|this) meeting|(?:meeting|that) is (?:now )?closed"
        r"|closes? (?:the|tonight'?s|our) meeting|thank(?:s| you) (?:all|everyone|each of you)"
        r" for (?:coming|being here|your)|see you (?:all )?next week|that'?s (?:it|all) for"
        r" (?:tonight|today)|we(?:'ll| will) close)\b"
    ),
}
_PHASE_WORDS: dict[str, re.Pattern[str]] = {
    "check_in": _rx(r"\bcheck[- ]?in\b"),
    "agenda": _rx(r"\bagenda\b"),
    "working_time": _rx(
        r"\bworking time\b|\bwork(?:ing)? on\b.{0,30}\b(?:board|tool|together)\b|\bmain part\b"
        r"|\b(?:the|our) discussion\b|\bcost[- ]?benefit\b|\b(?:the|a|our) (?:cba|abc)\b"
        r"|\b(?:the|a) (?:tool|board)\b"
    ),
    "check_out": _rx(r"\bcheck[- ]?out\b"),
    "close": _rx(r"\bclos(?:e|ing)\b"),
}


def _hit(name: str, text: str) -> str | None:
    found = _CUES[name].search(text)
    return found.group(0).strip() if found else None


def names_in(text: str, names: tuple[str, ...]) -> list[str]:
    """Participants named in the text, in the order they appear."""
    found = []
    for name in names:
        match = re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)
        if match:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]


# Words that turn the meeting to a phase ("let's start check-in", "time for check-out"), so an
# opening that only lists the phases ("we'll do check-in, then...") does not jump ahead.
_TRANSITION = re.compile(
    r"\b(?:let'?s|let us|time (?:for|to)|move (?:on )?to|moving (?:on )?to|go (?:on )?to|turn to"
    r"|on to|onto|start|begin|ready for|now for|now it'?s|(?:i'?m|i am|we'?re|we are)(?: now)?"
    r"(?: going to| gonna)?)\b",
    re.IGNORECASE,
)


_LATER = re.compile(
    r"\b(?:in|until|till|during|before|after|back|for later|later in)\s+(?:the\s+)?$", re.IGNORECASE
)


def names_next_phase(text: str, next_phase: str | None) -> str | None:
    """The words turning the meeting to the next phase ("let's do check-out"), if any."""
    if not next_phase or next_phase not in _PHASE_WORDS:
        return None
    for found in _PHASE_WORDS[next_phase].finditer(text):
        before = text[max(0, found.start() - 30) : found.start()]
        if _LATER.search(before):  # "hold that until working time" keeps the meeting where it is
            continue
        turn = list(_TRANSITION.finditer(before))
        if turn and not re.search(r"[.;,!?]", before[turn[-1].end() :]):
            return f"{turn[-1].group(0)} ... {found.group(0)}"
    return None


def recognise(
    text: str, names: tuple[str, ...], quiet: tuple[str, ...], tool: str, last_speaker: str = ""
) -> dict[str, Recognised]:
    """Every group move the text shows, keyed by move, with the words that showed it."""
    seen: dict[str, Recognised] = {}

    def add(move: str, words: str | None) -> None:
        if words and move not in seen:
            seen[move] = Recognised(move, words)

    for move in (
        "welcome",
        "explain_smart",
        "ground_rules",
        "confidentiality",
        "here_and_now",
        "explain_format",
        "start_check_in",
        "reflect_group",
        "redirect_crosstalk",
        "redirect_advice",
        "respect_paths",
        "welcome_to_listen",
        "keep_time",
        "set_agenda",
        "group_ideas",
        "ask_plan",
        "close",
    ):
        add(move, _hit(move, text))
    add("use_tool", _hit(f"use_tool_{tool}", text))
    named = names_in(text, names)
    link = _hit("link_words", text)
    if link and (
        len(named) >= 2 or (len(named) == 1 and last_speaker and named[0] != last_speaker)
    ):
        add("link_members", f"{' and '.join(named[:2] or [last_speaker])}: {link}")
    invited = [n for n in named if n in quiet]
    if invited and not _hit("pressure", text):
        invitation = _hit("invite", text) or room_to_pass(text) or ("?" if "?" in text else None)
        add("invite_quiet", f"{invited[0]}: {invitation}" if invitation else None)
    private, refer = _hit("safety_private", text), _hit("safety_refer", text)
    ask = suicide_question(text) or mentions_suicide(text) or _hit("safety_ask", text)
    # Two of the three parts of the escalation rule, except that a question about suicide asked
    # with no private word offered is the question in front of the group (public_suicide_question)
    if sum(bool(x) for x in (private, ask, refer)) >= 2 and not public_suicide_question(text):
        add("safety_check", "; ".join(x for x in (private, ask, refer) if x))
    return seen


def private_word(text: str) -> str | None:
    """The words offering the person a private talk ("a quiet word", "just the two of us")."""
    return _hit("safety_private", text)


def public_suicide_question(text: str) -> str | None:
    """The words of a question about suicide asked with no private word offered, else None.

    The escalation rule says ask directly, and privately: "Are you thinking of killing yourself?"
    said in the circle puts the person on the spot in front of everyone, however right the
    question. Asked together with an offer of a private talk ("can we step outside, just us?")
    it is the rule in action. Which words ask about suicide is the coder's rule
    (coding.suicide_talk.suicide_question), so the course recognises the question one way.
    """
    return None if private_word(text) else suicide_question(text)


def pressures(text: str) -> str | None:
    """Words that push someone to speak ("you have to share"): never an invitation."""
    return _hit("pressure", text)
