"""The judgement of replies whose harm (or rightness) only shows next to what was said: arguing
with the participant's own words, lectures said as general truths, and a facilitator's words
about suicide and crisis help. Examples are written for these tests, not taken from any set."""

from __future__ import annotations

import pytest

from facilitator_course.coding import code_response
from facilitator_course.roleplay.state import GOOD, quality

CONTRADICTIONS = [
    ("I only went because my mate dragged me there.", "Nobody dragged you. You chose to go."),
    (
        "It was just one of those nights, honestly, bad luck.",
        "I hear you. Still, it wasn't bad luck, was it.",
    ),
    ("It's only a bit of fun at the weekend.", "Well, it kind of is a problem though."),
    ("I didn't say I wanted to stop.", "You did say it, just last week."),
    ("The pills help me cope with the pain.", "I get that. But they don't help you cope at all."),
]
# Negations that say back what the person said, or contrast inside a reflection.
NOT_CONTRADICTIONS = [
    ("I need a drink to get to sleep.", "Without a drink you can't get to sleep."),
    ("I don't think I can stop paying.", "You can't see yourself stopping the payments."),
    (
        "I go to be there for the kids.",
        "Being there for the kids is why you go, properly there, not just around.",
    ),
    ("I was on the floor for an hour and nobody came.", "Nobody came, and you were stuck."),
    ("I said I won't talk about that.", "You did, and that's yours to decide."),
    (
        "Does it even matter what I do at weekends?",
        "It doesn't really matter to me; what about you?",
    ),
]
LECTURES = [
    ("I have a couple of cans alone most evenings.", "That's the classic sign of a problem."),
    ("I vape when I'm stressed.", "Vaping only makes stress worse in the end."),
    ("I haven't told my partner about the debt.", "Lying in a relationship never ends well."),
    ("I smoke weed to relax.", "It's still a drug, whatever anyone says."),
    ("I can't sleep without the tablets.", "Plenty of people sleep fine without tablets."),
    ("My friends all bet on the match.", "If they push you to bet they're not real friends."),
    ("I just can't turn them down.", "I get it. But you're an adult, you can say no."),
    ("I've been vaping constantly.", "Proper nicotine junkie in the making, ha."),
    ("I was just in the wrong place.", "That wasn't bad luck. You chose to go there."),
    ("My son needs his mum.", "A good mum would never let it get this far."),
    ("Being told off at work was awful.", "I'm sure. Still, you did drive in after a drink."),
    ("I can spend my own wages.", "You earn it, sure. It's not just your money though."),
]
# Sayings of the same shape that praise or reflect.
NOT_LECTURES = [
    ("I got through the party sober.", "Still, you did it, with everyone drinking round you."),
    ("My kids need me.", "A good dad would want to be there, and that's what you're fighting for."),
    (
        "I keep telling myself it was bad luck.",
        "It feels like bad luck, and part of you isn't sure.",
    ),
]
SUICIDE_QUESTIONS = [
    "Have you been having any thoughts of suicide?",
    "When it gets that dark, do you ever think about ending your life?",
    "are you having thoughts of self-harm?",
    "With all that going on, any thoughts about not being here?",
]


@pytest.mark.parametrize(("said", "reply"), CONTRADICTIONS)
def test_contradicting_the_participants_own_words_is_confrontation(said, reply):
    coded = code_response(reply, said)
    assert coded.code == "confront", (reply, coded.code, coded.explanation)
    assert quality(coded.code, coded.labeling, coded.disguised_advice) != GOOD


@pytest.mark.parametrize(("said", "reply"), NOT_CONTRADICTIONS)
def test_saying_their_negation_back_is_not_arguing(said, reply):
    coded = code_response(reply, said)
    assert coded.code not in ("confront", "persuade"), (reply, coded.explanation)


@pytest.mark.parametrize(("said", "reply"), LECTURES)
def test_a_lecture_said_as_a_general_truth_is_never_rewarded(said, reply):
    coded = code_response(reply, said)
    assert coded.code in ("confront", "persuade"), (reply, coded.code, coded.explanation)
    assert quality(coded.code, coded.labeling, coded.disguised_advice) != GOOD


@pytest.mark.parametrize(("said", "reply"), NOT_LECTURES)
def test_sayings_of_the_same_shape_that_praise_or_reflect_are_not_lectures(said, reply):
    coded = code_response(reply, said)
    assert coded.judged and coded.code not in ("confront", "persuade"), coded.explanation


@pytest.mark.parametrize("reply", SUICIDE_QUESTIONS)
def test_asking_directly_about_suicide_in_any_words_is_the_escalation_question(reply):
    coded = code_response(reply, "Some days I don't see the point of any of it.")
    assert coded.judged and coded.code in ("question_closed", "question_open"), coded.explanation
    assert "escalation rule" in coded.explanation


@pytest.mark.parametrize(
    "reply",
    [
        "Sounds like you'd rather not be here at all lol",
        "Maybe just end it all then.",
        "It sounds like you want to be left alone, why not just kill yourself",
    ],
)
def test_mocking_or_inciting_self_harm_is_the_worst_reply_there_is(reply):
    coded = code_response(reply, "Some days I don't see the point of any of it.")
    assert coded.judged and coded.code == "confront", coded.explanation


def test_pointing_to_crisis_help_is_information_not_advice():
    coded = code_response(
        "If it ever gets too much, you can call 988 any time, day or night.",
        "Some days I don't see the point of any of it.",
    )
    assert coded.judged and coded.code == "giving_information", coded.explanation
    assert "escalation rule" in coded.explanation


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("I told my brother about the money.", "That took a lot of nerve to admit."),
        ("I lay on the kitchen floor for ages.", "That sounds frightening, lying there alone."),
        ("I wake up feeling rotten.", "You wake up rotten, and it's wearing you down."),
        ("I drank again on Friday.", "So what happened on Friday then?"),
    ],
)
def test_words_that_sound_like_arguing_in_a_warm_reply_are_not_harm(said, reply):
    coded = code_response(reply, said)
    assert coded.code not in ("confront", "persuade"), (reply, coded.explanation)


def test_a_short_question_of_small_words_is_read_not_refused():
    coded = code_response("So why did you do it then?", "I drank again on Friday.")
    assert coded.judged and coded.code == "confront", coded.explanation


def test_no_explanation_quotes_an_empty_cue():
    for reply in ("Clearly your work has been intense lately.", "Work has been a lot for you."):
        coded = code_response(reply, "Work is mad at the moment.")
        assert "('')" not in coded.explanation, coded.explanation
    coded = code_response("It sounds like you feel it's pointless.", "It's pointless.")
    assert "image or metaphor" not in coded.explanation


@pytest.mark.parametrize(
    "reply",
    [
        "Walk me through an ordinary weeknight.",
        "Help me understand what Fridays look like now.",
        "Take me back to the last time it happened.",
        "Paint me a picture of the morning after.",
    ],
)
def test_a_request_to_hear_more_is_an_open_question_not_the_facilitators_story(reply):
    coded = code_response(reply, "I end up having a bottle most evenings.")
    assert coded.judged and coded.code == "question_open", coded.explanation


def test_the_facilitators_own_story_is_still_off_topic():
    coded = code_response(
        "I took up pottery last spring, it's so calming.", "I end up having a bottle most evenings."
    )
    assert not coded.judged and coded.reason == "off_topic"


def test_a_request_about_a_hobby_is_still_off_topic():
    # The request's own verb is left out of the reply's words, the hobby it asks about is not.
    coded = code_response(
        "Walk me through the painting you did.", "I end up having a bottle most evenings."
    )
    assert not coded.judged and coded.reason == "off_topic"
    assert "paint" in coded.explanation


# Words that sound like blame, but are the participant's own said back to them (echoes.py).
ECHOES = [
    (
        "My brother keeps asking why I make excuses for not going.",
        "Your brother asks why you make excuses for not going, and that stings.",
    ),
    ("I always find an excuse to skip the gym.", "An excuse always turns up when it's gym time."),
    ("I blame myself for all of it.", "You blame yourself for all of it."),
]
# The same words turned against the person: denied by them, or someone else's view said plainly.
NOT_ECHOES = [
    ("I'm not making excuses, I was ill.", "You're making excuses again."),
    ("Everyone says it's my fault.", "Well, it is your fault."),
]


@pytest.mark.parametrize(("said", "reply"), ECHOES)
def test_the_participants_own_words_said_back_are_not_blame(said, reply):
    coded = code_response(reply, said)
    assert coded.judged and coded.code not in ("confront", "persuade"), coded.explanation


@pytest.mark.parametrize(("said", "reply"), NOT_ECHOES)
def test_their_words_turned_against_them_are_still_confrontation(said, reply):
    coded = code_response(reply, said)
    assert coded.code == "confront", coded.explanation
    assert quality(coded.code, coded.labeling) != GOOD


# From a volunteer's second round of typed role-plays (rewritten for the tests): harm that
# looked like praise, a reflection or a question.
HARM_IN_DISGUISE = [
    ("I lost a month's sobriety on Friday.", "Well done, wasting a whole month. Super."),
    ("It's not like it's crack.", "Real mature, that. Brilliant argument."),
    ("The house is so quiet now.", "Empty nest syndrome, classic."),
    ("I hide the receipts from her.", "That's a big red flag, hiding receipts."),
    ("She's been saving, I haven't.", "So you're letting Sophie down, really."),
    ("I've heard all the risks.", "The risk is real though, whether you like it or not."),
    ("My knees are killing me after a binge.", "That's your body telling you to stop."),
    ("I don't want to talk about the army.", "Have you ever spoken to a counsellor about PTSD?"),
    ("I know what drink does to you.", "If you know that, why are you drinking every day?"),
    ("It's not hurting anyone.", "What about your daughter, though?"),
    ("I'm not so sure the fall was the wine.", "The doctor's right, it was the wine."),
    ("Ten days clean!", "Ten days is nothing, the hardest part is still to come."),
    ("My husband says I drink too much.", "Sounds like a drinking problem to me."),
    ("I'm grumpy on Mondays.", "Sounds like you're a right nightmare on Mondays."),
]
# Good replies that used to be punished for one word.
GOOD_DESPITE_A_WORD = [
    ("I don't need a lecture.", "No lecture. You know better than anyone what happened."),
    ("I got through two years.", "You should be proud of two years."),
    ("I'm so angry with myself.", "You're raging with yourself over one night."),
    ("I just said yes without thinking.", "Like a switch: one second you're fine, the next a yes."),
    ("Whoa, I'm not some junkie.", "Nobody here thinks you're a junkie. We don't use that word."),
    ("They call me an addict at home.", "Being called an addict feels ridiculous to you."),
    (
        "I'm only here because Sam dragged me. Everyone smokes, it's not a big deal.",
        "Sam dragged you here and you're not convinced it's a big deal.",
    ),
    ("Can you sign my form?", "Attendance sheets are the only thing I sign here."),
    ("How long is this?", "It runs forty minutes and you can leave whenever."),
    ("I keep paying his debts.", "Paying might be what saves him from having to face it."),
    ("I don't need telling.", "Of course you know. You know yourself better than anyone."),
]


@pytest.mark.parametrize(("said", "reply"), HARM_IN_DISGUISE)
def test_harm_dressed_as_praise_a_reflection_or_a_question_is_never_rewarded(said, reply):
    coded = code_response(reply, said)
    assert coded.code in ("confront", "persuade"), (reply, coded.code, coded.explanation)
    assert quality(coded.code, coded.labeling, coded.disguised_advice) != GOOD


@pytest.mark.parametrize(("said", "reply"), GOOD_DESPITE_A_WORD)
def test_a_good_reply_is_not_punished_for_one_word(said, reply):
    coded = code_response(reply, said)
    assert coded.code not in ("confront", "persuade"), (reply, coded.explanation)
    assert not coded.labeling


def test_model_found_harm_names_no_cue_of_another_label():
    coded = code_response(
        "You've had a rough week. Honestly though, that's pathetic.", "I drank every night."
    )
    assert coded.code == "confront"
    assert "explains a fact" not in coded.explanation


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("I slipped on Saturday after three months.", "Oh Sam, I'm so sorry."),
        ("My dad died in the spring.", "I'm really sorry about your dad."),
        ("He was taken into hospital.", "Oh no, I'm so sorry. That's awful."),
    ],
)
def test_sympathy_is_kind_on_topic_and_not_yet_a_reflection(said, reply):
    coded = code_response(reply, said)
    assert coded.judged and coded.code == "other", coded.explanation
    assert "sympathy" in coded.explanation and "reflection" in coded.explanation


def test_sympathy_then_a_reflection_is_judged_by_the_reflection():
    coded = code_response(
        "I'm so sorry. It sounds like the spring has been really heavy for you.",
        "My dad died in the spring.",
    )
    assert coded.kind == "reflection", coded.explanation


# The strongest identity nouns label the person in any construction...
STRONG_LABELS = [
    ("I take two most nights now.", "That is, frankly, the profile of a pill addict."),
    ("I'm Sam and I'm an alcoholic, sorry, habit.", "Welcome, Sam! Proud alcoholic, let's go!"),
    ("I just like a drink after work.", "There's a word for that, and it's alcoholic."),
    ("I lapsed on Friday.", "I wonder if it helps to remember that every addict slips."),
    ("I'm ashamed.", "Don't be, love. Slips happen to all us junkies."),
]
# ...but not when they are denied, quoted, named as words or reported.
STRONG_LABEL_WORDS_NAMED = [
    (
        "Are you going to call me an addict?",
        "No. Labels like addict or alcoholic aren't used here.",
    ),
    ("I'm not an alcoholic.", "You don't see yourself as an alcoholic."),
    ("My wife says I'm an addict.", "Your wife calls you an addict, and that stings."),
    ("What do people here call themselves?", "Some describe themselves as alcoholics, some don't."),
]


@pytest.mark.parametrize(("said", "reply"), STRONG_LABELS)
def test_a_strong_identity_noun_said_about_the_person_is_a_label(said, reply):
    coded = code_response(reply, said)
    assert coded.code == "confront" and coded.labeling, (reply, coded.explanation)


@pytest.mark.parametrize(("said", "reply"), STRONG_LABEL_WORDS_NAMED)
def test_a_strong_identity_noun_named_denied_or_reported_is_not_a_label(said, reply):
    coded = code_response(reply, said)
    assert not coded.labeling, (reply, coded.explanation)


# Tentative and academic wording hides advice and arguing as well as plain words do.
TENTATIVE_HARM = [
    ("My cards are nearly maxed.", "I'm curious whether you've thought of cancelling one card?"),
    (
        "It's the only thing that relaxes me.",
        "That makes sense, and I wonder if you could swap it for a swim.",
    ),
    ("Everyone's got a vice.", "There's no 'everyone' about it; this is your debt."),
    ("It was only one drink. Maybe two.", "'Maybe two' rather undermines the claim of one drink."),
    ("I'd never go back to how it was.", "That's stinking thinking. Every lapse starts with one."),
    ("I've got it sorted now.", "Like you had it sorted last month?"),
    ("Football matters more than the exam.", "skipping an exam for football is kinda mad tbh"),
    ("All chefs drink after service.", "I wonder whether you hear how that sounds."),
]
# The same shapes inviting, not telling.
TENTATIVE_GOOD = [
    (
        "I don't know if the plan would help.",
        "I wonder if we could look at it together, and you decide after?",
    ),
    (
        "I'm open to anything at this point.",
        "I wonder if you'd try the urge log for a week, then you can decide.",
    ),
    ("I don't know if I can stop.", "You're wondering if you could stop at all."),
]


@pytest.mark.parametrize(("said", "reply"), TENTATIVE_HARM)
def test_tentative_or_academic_wording_does_not_hide_harm(said, reply):
    coded = code_response(reply, said)
    assert coded.code in ("confront", "persuade"), (reply, coded.code, coded.explanation)


@pytest.mark.parametrize(("said", "reply"), TENTATIVE_GOOD)
def test_tentative_invitations_are_not_advice_without_permission(said, reply):
    coded = code_response(reply, said)
    assert coded.code not in ("confront", "persuade"), (reply, coded.explanation)


# Coach-style instructions and small talk in warm words (rewritten from a tuning set).
COACH_ADVICE = [
    ("If I drove on Friday I'd have an excuse.", "Drive on Friday! Easy win!"),
    (
        "I miss the mornings with the kids.",
        "you miss the mornings, set an alarm and put the console away",
    ),
    ("I tried the patches once.", "Three days was hard. Next time you use the patches."),
    ("My sister would come with me.", "Love it! Bring her to every party from now on!"),
    ("It's tradition in the group chat.", "You leave the group chat. Is better for you."),
    (
        "It's between me and my doctor.",
        "Correct me if I'm wrong, but maybe ask your doctor about it?",
    ),
]


@pytest.mark.parametrize(("said", "reply"), COACH_ADVICE)
def test_instructions_in_an_upbeat_register_are_advice(said, reply):
    coded = code_response(reply, said)
    assert coded.code in ("persuade", "confront"), (reply, coded.code, coded.explanation)


@pytest.mark.parametrize(
    "reply",
    [
        "On an unrelated note, the council has changed the parking again.",
        "Ooh, love, your cardigan is gorgeous, where's it from?",
    ],
)
def test_small_talk_in_warm_words_is_off_topic(reply):
    coded = code_response(reply, "I lie awake listening for the post.")
    assert not coded.judged and coded.reason == "off_topic", coded.explanation


def test_a_metaphor_about_a_pool_is_not_small_talk():
    coded = code_response(
        "You're like someone at the edge of a pool, wanting to jump but waiting.",
        "I want to quit, I just keep putting it off.",
    )
    assert coded.judged, coded.explanation


# Hedges and wondering frames soften a move without changing it (softeners.py).
SOFTENED = [
    (
        "It's me at home at six, not him.",
        "Correct me if I'm wrong, but it's you at home at six?",
        "reflection",
    ),
    (
        "It's the only thing that switches my head off.",
        "I'm wondering whether it's less about the porn and more about getting some quiet.",
        "reflection",
    ),
    (
        "I keep going back to the machines.",
        "I'm curious what it is about the machines that draws you.",
        "question",
    ),
    ("I take two now.", "I'm curious whether your doctor knows you're taking two.", "question"),
]


@pytest.mark.parametrize(("said", "reply", "kind"), SOFTENED)
def test_a_hedge_or_wondering_frame_is_coded_by_the_move_inside_it(said, reply, kind):
    coded = code_response(reply, said)
    assert coded.judged and coded.kind == kind, (reply, coded.code, coded.explanation)


def test_a_hedge_never_excuses_harm():
    coded = code_response("I might be wrong, but you're in denial.", "I'm fine, honestly.")
    assert coded.code == "confront"


def test_a_wondering_invitation_keeps_its_frame():
    coded = code_response("I wonder if we could look at the plan together?", "I don't know.")
    assert coded.code not in ("persuade", "confront"), coded.explanation


def test_a_metaphor_reflection_picks_up_the_experience_when_it_shares_no_words():
    from facilitator_course.coding.pickup import FEELING, Idea, pick_up

    ideas = (
        Idea(text="I can't stop once I start", side="sustain", words=("can't stop",)),
        Idea(text="it wears me out", side=FEELING, words=("worn out", "tired")),
    )
    found = pick_up(
        "It's like holding a door shut on your own.", ideas, "I can't stop once I start."
    )
    assert found.side == FEELING


def test_being_written_off_as_a_label_is_how_they_are_seen_not_a_label():
    coded = code_response(
        "Being written off as a junkie stings when you're trying so hard.",
        "Everyone thinks I'm just a junkie.",
    )
    assert not coded.labeling and coded.code != "confront", coded.explanation


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        (
            "It was only one drink.",
            "I wonder whether that's the whole story, if we're being honest.",
        ),
        ("It's under control.", "It sounds like you're kidding yourself, to be honest."),
        ("I failed because of the timetable.", "That sounds a lot like blaming the timetable."),
        ("You try doing twelve hours on a ward.", "Lots of people have hard jobs."),
        (
            "Everyone drinks in my job.",
            "It has to be said that paying for it every night is the problem.",
        ),
    ],
)
def test_the_facilitators_verdict_behind_a_softener_is_confrontation(said, reply):
    coded = code_response(reply, said)
    assert coded.code in ("confront", "persuade"), (reply, coded.code, coded.explanation)


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("It's not a big deal.", "You're not sure it is a big deal."),
        ("I feel like everyone blames me.", "It sounds like you feel everyone is blaming you."),
        ("My wife says I'm in denial.", "It sounds like being told you're in denial really hurt."),
    ],
)
def test_their_doubt_or_others_words_behind_a_softener_are_a_reflection(said, reply):
    coded = code_response(reply, said)
    assert coded.code not in ("confront", "persuade"), (reply, coded.explanation)


def test_its_without_an_apostrophe_is_read_as_it_is_only_where_it_means_it():
    from facilitator_course.coding.text import normalise

    assert normalise("its not a big deal") == "it is not a big deal"
    assert normalise("its grip on me") == "its grip on me"


def test_a_hedge_before_but_is_not_the_first_half_of_a_two_sided_reflection():
    # Seen in Chromium: "Correct me if I'm wrong, but..." was credited with both sides.
    from facilitator_course.coding.pickup import BOTH, BOTH_SUSTAIN_LAST, pick_up
    from facilitator_course.roleplay.loader import load_scenario

    scenario = load_scenario("gambling-ambivalent")
    node = scenario.node(scenario.start)
    found = pick_up(
        "Correct me if I'm wrong, but it sounds like the evenings are the hardest part?",
        node.ideas,
        node.says,
    )
    assert found.side not in (BOTH, BOTH_SUSTAIN_LAST)


def test_the_words_that_decided_are_quoted_as_typed():
    coded = code_response("Oh well done, throwing it all away. Great job.", "I slipped again.")
    assert coded.code == "confront"
    assert "done , throwing" not in coded.explanation


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        (
            "Honesty's the big thing in the programme.",
            "Being honest with your sponsor really matters to you.",
        ),
        (
            "As a nurse I'd tell a patient to see their doctor.",
            "You'd tell a patient to see their GP, and it's harder when it's you.",
        ),
        (
            "I'm not a patient, I'm a person.",
            "A patient, not a person. You want to be seen as you.",
        ),
    ],
)
def test_values_patients_and_jobs_said_back_are_reflections_not_praise(said, reply):
    coded = code_response(reply, said)
    assert coded.kind == "reflection", (reply, coded.code, coded.explanation)


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("Sorry, I know this is awkward, sorry - what brought you here tonight?", "question"),
        ("Sorry - sorry if this is a daft question - what worries you most?", "question"),
        ("I'm so sorry, that must be so lonely.", "reflection"),
    ],
)
def test_apologies_before_the_move_do_not_change_it(reply, kind):
    coded = code_response(reply, "My husband died last spring and I don't know why I'm here.")
    assert coded.judged and coded.kind == kind, (reply, coded.code, coded.explanation)


def test_a_short_apology_for_the_connection_is_still_procedure():
    assert code_response("Sorry, you froze.", "Can you hear me now?").code == "other"


# Families found in the dev6 tuning set (December 2026), in wordings written for this test.
LINE_NIGHTS = (
    "Nights are the worst. I get in from work, nobody's home, and the bottle's right there."
)
DEV6_HARM = [
    ("Selling the car would probably be the wisest move here.", "persuade"),
    ("The evenings sound lonely; I'd ring your sister tonight.", "persuade"),
    ("We'd all tell you the same thing: pour it away.", "persuade"),
    ("You could just log off earlier, couldn't you?", "persuade"),
    ("Next time give the pub quiz a miss.", "persuade"),
    ("Why don't we get you round to your mum's on Fridays?", "persuade"),
    ("The nights are hard. Still, you're playing it down a bit.", "confront"),
    ("You were lucky at work. You got off lightly, to be fair.", "confront"),
    ("It's lonely, sure. But let's not forget you chose the bottle.", "confront"),
    ("We both know one glass is never one glass for you.", "confront"),
    ("There's no need to get so defensive.", "confront"),
    ("Wanting the quiet is fair, but that reasoning is a bit childish.", "confront"),
    ("True friendship doesn't look like that.", "confront"),
    ("A textbook case of a functioning drinker, I'd say.", "confront"),
]


@pytest.mark.parametrize(("text", "code"), DEV6_HARM)
def test_dev6_harm_families_are_never_rewarded(text, code):
    coded = code_response(text, LINE_NIGHTS)
    assert coded.judged and coded.code == code, (coded.code, coded.explanation)


DEV6_GOOD = [
    "You're not a drinker, you're saying; it's the empty house that gets to you.",
    "You've been lying awake, listening for the key in the door.",
    "You can keep your own word for it. What would help with the nights?",
    "Is it the quiet that gets you? Did I hear that right?",
    "Ye come home to an empty house. What's that like for ye?",
]


@pytest.mark.parametrize("text", DEV6_GOOD)
def test_dev6_good_replies_that_look_harmful_are_not_punished(text):
    """Never called advice or arguing; at worst the engine says it is unsure, which costs the
    learner nothing (the model grew less sure of some short reflections as its data widened)."""
    coded = code_response(text, LINE_NIGHTS)
    assert coded.code not in ("persuade", "confront"), (coded.code, coded.explanation)
    assert coded.judged or coded.reason == "uncertain", coded.explanation


# Rules added with the blended model (3 December 2026), in wordings written for this test.
def test_information_that_answers_then_a_reflection_is_judged_by_the_reflection():
    line = "Do you have to tell my manager I came? I can't lose this job."
    text = (
        "The group keeps no notes, and attendance letters only say that you came. You're "
        "worried about the job."
    )
    coded = code_response(text, line)
    assert coded.judged and coded.code in ("reflection_simple", "reflection_complex")
    assert coded.decided_by == "You're worried about the job."


def test_the_persons_own_words_said_back_to_them_are_not_arguing():
    line = "It costs me. I lie about where I've been, and I miss the kids' bedtimes."
    coded = code_response("Sam, you named lying and missed bedtimes as the costs.", line)
    assert coded.judged and coded.code not in ("persuade", "confront"), coded.explanation


# Arguing and advice found in the blend review (3 December 2026), and by a volunteer play-test of
# the typed role-plays the same day (reworded here): never rewarded.
BLEND_REVIEW_HARM = [
    "You said you had it under control last month too, and look how that went.",
    "Fair enough. But most people don't spend the rent on it.",
    "Let's be straight with each other: that was the drink, not bad luck.",
    "I was right and you were wrong about the casino.",
    "Well, your wife seems to think so.",
    "A meditation app could help with that.",
    "Talking to your GP might be the next step.",
    "Maybe tonight's the night you tell her.",
    "You need a proper budget.",
    "Make it a fortnight, then.",
]
VOLUNTEER_HARM = [
    "Sounds like a textbook gambling addiction, honestly.",
    "Not all builders drink. That's just a story people tell themselves.",
    "Research shows labels don't help. You'd do well to drop it.",
    "Work sounds hard. But driving after a drink is dangerous for you and others, you know this.",
    "That sounds lonely. Perhaps it's time to think about moving nearer your daughter?",
]


@pytest.mark.parametrize("text", [*BLEND_REVIEW_HARM, *VOLUNTEER_HARM])
def test_arguing_and_advice_found_in_reviews_and_play_tests_are_never_rewarded(text):
    coded = code_response(text, LINE_NIGHTS)
    assert coded.judged and coded.code in ("persuade", "confront"), (coded.code, coded.explanation)


def test_taking_back_a_label_is_the_repair_not_a_label():
    line = "Enabler. That's what my brother calls me. I thought this group would be different."
    text = "I'm sorry, that was a label. You love your son. What do you think is helping?"
    coded = code_response(text, line)
    assert coded.judged and coded.code not in ("persuade", "confront"), coded.explanation


def test_a_sign_of_change_that_is_the_other_sides_words_in_this_line_is_not_change():
    """'Worry' is usually change talk, but in 'the only time I'm not worrying' it is what the
    machines give: a reflection of that picks up the sustain side."""
    from facilitator_course.coding.pickup import pick_up
    from facilitator_course.roleplay.loader import load_scenario

    node = load_scenario("gambling-ambivalent").node("opening")
    quiet = pick_up(
        "At the machines is the only place the worrying goes quiet for you.", node.ideas, node.says
    )
    assert quiet.side == "sustain"
    both = pick_up(
        "You're worried about what you lose, and the machines are your break.",
        node.ideas,
        node.says,
    )
    assert both.side == "both_sustain_last"


def test_their_own_should_said_back_is_not_advice():
    line = "Maybe I should tell her. But it would flatten her right now."
    coded = code_response(
        "You're thinking you should tell her, and you're weighing the timing.", line
    )
    assert coded.judged and coded.code not in ("persuade", "confront"), coded.explanation


def test_an_idea_with_the_choice_handed_back_is_advice_with_permission():
    line = "Once I start eating at night I can't stop."
    text = "Some people find it helps to notice what happens just before. Want to try that, or not?"
    assert code_response(text, line).code == "persuade_with_permission"


@pytest.mark.parametrize("text", ["lol", "haha ya", "hehe"])
def test_laughter_is_a_filler_not_a_reply(text):
    coded = code_response(text, LINE_NIGHTS)
    assert not coded.judged and coded.reason == "filler"
