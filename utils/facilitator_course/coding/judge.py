"""Judging a typed reply: can it be judged at all, does any part of it do harm, and what is it.

This is the coder's front door (`code_response`). It applies, in this order, the precedence that
the course documents and that a trainer can check:

1. **Can it be judged?** Gibberish, another language, repeated words, a bare filler, the
   participant's own words typed back unchanged, or nothing connected to what they said: the reply is not labelled (`judged` False, `reason`
   says why, `code` "other") and the learner is told what to try (`readable.py`).
2. **Harm wins.** Every clause is checked on its own (`harm.py`). An identity label anywhere makes
   the reply confrontation (with the labelling flag); arguing, blaming, shaming, warning or
   moralising anywhere makes it confrontation; advice anywhere makes it advice, "with
   permission" only when the participant asked or the reply asks or hands the choice back. The
   clause that decided is named, so a good first half never hides a harmful second half.
3. **Otherwise the whole reply's label** from the decision list and the model (`coder.py`),
   with the sentence that carries that label named when there are several.
4. **Too unsure to say.** When even the coarse kind (question, reflection, other) is a coin
   toss, the reply is not judged: a guess would teach the wrong thing half the time.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .coder import CodedResponse, _failed, code_utterance, kind_of, named
from .contradiction import find_contradiction
from .echoes import echoed, mostly_their_words
from .harm import ADVICE, LABEL, HarmFinding, find_harm
from .harm_verdict import CONTRADICT, SEVERITY, context_asks, harm_verdict
from .invented import nonsense_words
from .label_patterns import SETS_LABEL_ASIDE
from .labels import CONFIDENCE_CEILING, LABEL_MEANINGS, REFLECTIONS
from .meeting_admin import meeting_admin
from .permission import room_to_pass
from .readable import GIBBERISH, UNCERTAIN, Unjudged, unreadable
from .reflective_stems import REFLECTIVE_STEM, THEIR_WORDS, VALUE_TO_THEM
from .relevance import echo, off_topic
from .softeners import asks_yes_or_no, core_of
from .suicide_talk import asks_about_suicide, mocks_suicide, points_to_crisis_help
from .sympathy import after_sympathy, is_sympathy
from .text import MAX_CHARS, clean, normalise

# A reply is "too unsure to judge" when the model gives its label less than UNSURE_LABEL and the
# label's kind (question, reflection, other) less than UNSURE_KIND. Calibrated on the course's
# test and independent-style examples (486): 6 fall below both, and half of those labels were
# right, a coin toss; above either line the label is right far more often than not.
UNSURE_LABEL = 0.35
# Advice or confrontation found by the model alone (no rule names the words) below this
# probability is not judged: in the dev replies that look harmful but are not, the model's
# false alarms sit below it.
MODEL_HARM_ALONE = 0.5
UNSURE_KIND = 0.5
# The same, for a reply that starts from the person's own view ("From where you're sitting...",
# "You feel..."): no rule found advice or arguing in it, so the model must be surer still.
MODEL_HARM_AFTER_STEM = 0.65
# A sentence of a longer reply that the model reads as advice or confrontation at least this
# surely counts as harm in the combination (step 2).
SENTENCE_HARM = 0.5
# A sentence of four words or fewer gives the model little to go on ("That's shaken you."):
# without a rule naming its words it must be much surer to count as harm.
SHORT_SENTENCE_HARM = 0.75
_SENTENCE = re.compile(r"(?<=[.?!])\s+")
_OPEN_START = re.compile(r"^(?:so(?: ,)? |and )?(?:what|how)\b(?! (?:many|much|long|often))")


def _not_judged(found: Unjudged, truncated: bool) -> CodedResponse:
    return CodedResponse(
        code="other",
        confidence=0.0,
        cue=found.reason,
        explanation=f"I can't judge this reply. {found.message}",
        judged=False,
        reason=found.reason,
        truncated=truncated,
    )


def _relabelled(
    whole: CodedResponse, code: str, cue: str, explanation: str, **changes: object
) -> CodedResponse:
    """`whole` with its label moved to `code` by a rule of this module, saying why."""
    return replace(
        whole, code=code, kind=kind_of(code), cue=cue, explanation=explanation, **changes
    )


def code_response(
    text: object, context: object = None, related: tuple[str, ...] = (), in_meeting: bool = False
) -> CodedResponse:
    """Judge a facilitator reply to the participant's line `context` (see the module docstring).

    `related` is other text the reply may fairly pick up (earlier lines, a scenario's words).
    `in_meeting`: the reply is a move in a group meeting, where housekeeping ("ten minutes
    left") is the facilitator's job, not a reply that misses the participant.
    Never raises on bad input: a non-string or empty reply comes back with `error` set. Only the
    first `text.MAX_CHARS` characters are read, so every call takes bounded time.
    """
    if not isinstance(text, str):
        return _failed(f"the response must be text, not {type(text).__name__}")
    truncated = len(text) > MAX_CHARS
    cleaned = clean(text)
    if not cleaned.strip():
        return _failed("the response is empty")
    ctx = clean(context) if isinstance(context, str) and context.strip() else None
    found = unreadable(cleaned)
    if found:
        return _not_judged(found, truncated)
    found = (echo(cleaned, ctx) if ctx else None) or (
        None if in_meeting else meeting_admin(cleaned, ctx)
    )
    if found:
        return _not_judged(found, truncated)
    invented = nonsense_words(cleaned, " ".join(r for r in (ctx, *related) if isinstance(r, str)))
    if invented:
        shown = ", ".join(f"'{w}'" for w in invented[:3])
        return _not_judged(
            Unjudged(
                GIBBERISH,
                f"Some of its words are not English words I know ({shown}), so I cannot tell "
                "what it says. Type what you would say to the participant, in plain words.",
                shown,
            ),
            truncated,
        )
    # "Correct me if I'm wrong, but...", "I wonder whether...": the move inside the frame is what
    # is labelled; harm is still looked for in the whole reply (softeners.py).
    core = core_of(cleaned)
    whole = code_utterance(core or cleaned, ctx, truncated)
    if core and whole.code in REFLECTIONS and asks_yes_or_no(cleaned):
        whole = _relabelled(
            whole,
            "question_closed",
            "it wonders whether something is so",
            "This reads as a closed question put politely: it wonders whether something is so, "
            "and can be answered yes or no.",
        )
    if asks_about_suicide(cleaned):
        # Asking directly is what the course's escalation rule asks for (safety.py), in any
        # words; the model must never read its preamble ("when you say it would be easier if
        # you weren't around...") as advice. Closed unless it opens with "what" or "how".
        code = "question_open" if _OPEN_START.match(normalise(cleaned)) else "question_closed"
        return _relabelled(
            whole,
            code,
            "it asks directly about suicide",
            f"This asks directly about suicide, as the course's escalation rule says to: "
            f"{named(code)}, and the right one. Stay with the answer.",
            confidence=CONFIDENCE_CEILING[code],
            rewrite=None,
            alternative=None,
        )
    sentences = [s for s in _SENTENCE.split(cleaned) if any(ch.isalnum() for ch in s)]
    several = len(sentences) > 1
    coded_sentences: tuple[tuple[str, str], ...] = ()
    each: list[tuple[str, CodedResponse]] = []
    # Words that sound like arguing but are the participant's own, said back ("your son asked
    # why you make excuses"), are a reflection's words, not blame (echoes.py).
    harms = [
        h
        for h in find_harm(cleaned)
        if not (
            (h.kind == "confront" or (h.kind == ADVICE and h.words.startswith("you would")))
            and echoed(normalise(h.clause), h.words, ctx)
        )
    ]
    if several:
        each = [(s, code_utterance(s, ctx)) for s in sentences]
        coded_sentences = tuple((s, c.code) for s, c in each)
        # A sentence the model itself reads as advice or confrontation is harm too, even when
        # no rule names its words: the reply as a whole must not hide it.
        for sentence, coded in each:
            needed = SENTENCE_HARM if len(sentence.split()) > 4 else SHORT_SENTENCE_HARM
            harmful = coded.code in ("persuade", "confront") and coded.probability >= needed
            if SETS_LABEL_ASIDE.search(normalise(sentence)):
                harmful = False  # "that's not a word we use": the repair, read above
            if harmful and not any(h.clause in sentence or sentence in h.clause for h in harms):
                kind = ADVICE if coded.code == "persuade" else "confront"
                harms.append(HarmFinding(kind, sentence, ""))
    if whole.labeling and not any(h.kind == LABEL for h in harms):
        harms.append(HarmFinding(LABEL, cleaned, whole.labeling_phrase or ""))
    contradiction = find_contradiction(cleaned, ctx)
    if contradiction and not harms:
        harms.append(HarmFinding(CONTRADICT, *contradiction))
    mocking = mocks_suicide(cleaned)
    if mocking:
        harms.insert(0, HarmFinding("confront", cleaned, mocking))
    crisis_help = points_to_crisis_help(cleaned)
    if crisis_help and all(h.kind == ADVICE for h in harms):
        # Connecting the person with crisis help is the escalation rule, not advice.
        code = "giving_information"
        return _relabelled(
            whole,
            code,
            f"it points to crisis help ('{crisis_help}')",
            f"This gives information: it points the person to crisis help ('{crisis_help}'), "
            "as the course's escalation rule says to whenever distress comes up. Stay with them "
            "while they decide.",
            confidence=CONFIDENCE_CEILING[code],
            rewrite=None,
            alternative=None,
            judged=True,
            sentences=coded_sentences,
        )
    if harms:  # harm is judged even off topic: a label is a label whatever it is about
        worst = min(harms, key=lambda h: SEVERITY[h.kind])
        verdict = harm_verdict(whole, worst, cleaned, ctx, several or len(harms) > 1)
        return replace(verdict, sentences=coded_sentences)
    rest = after_sympathy(cleaned)
    if rest:
        # "I'm so sorry. It sounds like..." is judged by what follows the sympathy.
        whole = replace(code_utterance(rest, ctx, truncated), sentences=coded_sentences)
    sorry = is_sympathy(cleaned)
    if sorry:
        return _relabelled(
            whole,
            "other",
            f"it offers sympathy ('{sorry}')",
            f"This offers sympathy ('{sorry}'): kind, and it tells them you heard, but it is "
            "not yet a reflection. Say back what they feel or what it meant to them ('That "
            "hit you hard') to show you understood.",
            confidence=CONFIDENCE_CEILING["other"],
            rewrite=None,
            alternative=None,
            sentences=coded_sentences,
        )
    # Ideas the participant asked for (a walk, the gym, a hobby) need not share their words.
    found = (
        off_topic(cleaned, ctx, tuple(r for r in related if isinstance(r, str)))
        if ctx and not context_asks(ctx)
        else None
    )
    if found:
        return _not_judged(found, truncated)
    room = room_to_pass(cleaned)
    harmful_guess = whole.code in ("persuade", "confront")
    # the model's runner-up when it is neither advice nor arguing, else None
    harmless = whole.alternative if whole.alternative not in ("persuade", "confront") else None
    if room and harmful_guess and harmless:
        # No rule found harm, and the reply leaves the person free to say no ("would you like
        # to...? It's fine to pass."): an invitation, whatever the model's first guess.
        code = harmless
        return _relabelled(
            whole,
            code,
            f"it leaves them free to pass ('{room}')",
            f"This looks like {named(code)}, and it leaves the person free to say no "
            f"('{room}'): {LABEL_MEANINGS[code]}.",
            rewrite=None,
            alternative=None,
            sentences=coded_sentences,
        )
    aside = SETS_LABEL_ASIDE.search(normalise(cleaned))
    if aside and harmful_guess:
        # No rule found a label applied; the model read the label word. Setting a label aside
        # is the repair the course teaches, said as information about how the group talks.
        code = harmless or "giving_information"
        return _relabelled(
            whole,
            code,
            f"it sets a label aside ('{aside.group(0)}')",
            f"This sets a label aside ('{aside.group(0)}'): it names the word only to say it is "
            f"not used here, which is the repair after someone has been labelled. Read as "
            f"{named(code)}: {LABEL_MEANINGS[code]}.",
            rewrite=None,
            alternative=None,
            sentences=coded_sentences,
        )
    held = VALUE_TO_THEM.search(normalise(cleaned))
    if held and whole.code in ("affirm", "giving_information") and whole.alternative in REFLECTIONS:
        # (only when the model itself is unsure: "shows how much this matters to you" praises)
        # "Honesty matters a lot to you" reflects a value they hold; it does not praise them.
        return _relabelled(
            whole,
            "reflection_complex",
            f"it reflects a value they hold ('{held.group(0)}')",
            f"This reflects a value the person holds ('{held.group(0)}'): "
            f"{LABEL_MEANINGS['reflection_complex']}.",
            rewrite=None,
            alternative=None,
            sentences=coded_sentences,
        )
    stem = REFLECTIVE_STEM.match(normalise(cleaned))
    if (
        whole.code in ("persuade", "confront", "giving_information")
        and whole.probability < MODEL_HARM_AFTER_STEM
        and stem
        and whole.alternative in REFLECTIONS
    ):
        # It starts from the person's own view and no rule finds advice or arguing in it: the
        # model's weak "advice" is a word like "should" inside a reflection, and its weak
        # "information" a fact the person told (their "three months") said back to them.
        code = whole.alternative
        return _relabelled(
            whole,
            code,
            f"it starts from the person's own view ('{stem.group(0)}')",
            f"This looks like {named(code)} because it starts from the person's own "
            f"view ('{stem.group(0)}'), but I am not sure: {LABEL_MEANINGS[code]}.",
            confidence=round(min(whole.probability, CONFIDENCE_CEILING[code]), 3),
            rewrite=None,
            alternative=None,
            sentences=coded_sentences,
        )
    theirs = THEIR_WORDS.match(normalise(cleaned))
    if theirs and whole.code in ("persuade", "confront"):
        # No rule finds harm; the model reads a word that sounds like arguing ("lying"), which
        # the reply reports as the person's own ("you both named lying as a cost").
        code = whole.alternative if whole.alternative in REFLECTIONS else "reflection_simple"
        return _relabelled(
            whole,
            code,
            f"it says back what the person said ('{theirs.group(0)}')",
            f"This reads as {named(code)} because it says back what the person said "
            f"('{theirs.group(0)}'): {LABEL_MEANINGS[code]}.",
            confidence=round(min(whole.probability, CONFIDENCE_CEILING[code]), 3),
            rewrite=None,
            alternative=None,
            sentences=coded_sentences,
        )
    if several and whole.code == "giving_information" and each:
        last_sentence, last = each[-1]
        if last.code in REFLECTIONS and last.kind_probability >= UNSURE_KIND:
            # Information that answers them, then a reflection: the reflection is what they
            # answer, as a question after a reflection is (labels.py).
            return _relabelled(
                whole,
                last.code,
                f"it ends by reflecting ('{last_sentence}')",
                f"This gives information and then reflects ('{last_sentence}'): the reflection "
                f"is what the person answers, so it reads as {named(last.code)}: "
                f"{LABEL_MEANINGS[last.code]}.",
                confidence=round(min(last.probability, CONFIDENCE_CEILING[last.code]), 3),
                rewrite=None,
                alternative=None,
                sentences=coded_sentences,
                decided_by=last_sentence,
            )
    no_harmful_sentence = several and not any(c.code in ("persuade", "confront") for _, c in each)
    if whole.code in ("persuade", "confront") and (
        whole.probability < MODEL_HARM_ALONE
        or (
            (no_harmful_sentence or mostly_their_words(cleaned, ctx))
            and whole.probability < MODEL_HARM_AFTER_STEM
        )
    ):
        # The model alone, and unsure, says advice or confrontation, but no rule finds the words
        # that would make it so (nor, in a longer reply, the model in any one sentence): a
        # guess either way would teach the wrong thing.
        return _not_judged(
            Unjudged(
                UNCERTAIN,
                f"I cannot tell whether this reads as {named(whole.code)} or as "
                f"{named(whole.alternative or 'reflection_simple')}. If you meant to reflect, "
                "start from their words ('You...', 'It sounds like...'); if you meant to offer "
                "an idea, ask first whether they would like one.",
            ),
            truncated,
        )
    unsure = whole.probability < UNSURE_LABEL and whole.kind_probability < UNSURE_KIND
    if unsure and several and all(c.probability >= UNSURE_KIND for _, c in each):
        unsure = False  # each sentence is clear on its own; only their mix is ambiguous
    if unsure and stem and REFLECTIONS & {whole.code, whole.alternative}:
        # Unsure between labels, but it starts from the person's own view ("You feel...") and no
        # rule found harm: it is a reflection in form, and its best reflection label is used.
        code = whole.code if whole.code in REFLECTIONS else whole.alternative
        return _relabelled(
            whole,
            code,
            f"it starts from the person's own view ('{stem.group(0)}')",
            f"This looks like {named(code)} because it starts from the person's own "
            f"view ('{stem.group(0)}'): {LABEL_MEANINGS[code]}.",
            sentences=coded_sentences,
        )
    if unsure and whole.code not in ("persuade", "confront"):
        guess = named(whole.code)
        return _not_judged(
            Unjudged(
                UNCERTAIN,
                f"It is not clear what kind of reply this is (it might be {guess}). Try a clear "
                "reflection of what they said, or an open question about it.",
            ),
            truncated,
        )
    decided = None
    if several:
        same = [s for s, c in coded_sentences if c == whole.code]
        decided = same[-1] if same else None
    return replace(whole, decided_by=decided, sentences=coded_sentences)
