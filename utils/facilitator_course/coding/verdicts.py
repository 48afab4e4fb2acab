"""Lectures said as general truths: harm with no "you should" and no arguing word in it.

Why a module of its own: volunteers who would never say "you should stop" still say "drinking
alone is the first sign of a problem" or "nicotine actually makes anxiety worse". Said to someone
who did not ask, a fact chosen to push change is advice (persuade), and a verdict on their
choices is confrontation, however neutral it sounds; the model, reading "alone" or "anxiety",
calls them reflections. These patterns were written from volunteers' replies typed into the
course's role-plays (a tuning set, never a held-out one); `harm.py` applies them clause by
clause with the same test for reported views ("you think it's never a good idea") as its own.
"""

from __future__ import annotations

import re

# Verdicts on the person's choices or on people like them: confrontation.
VERDICT_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(?:first|early|warning|classic|telltale|sure) signs? of (?:a |an )?(?:problem|addiction"
        r"|alcoholism|dependence|dependency|trouble)\b",
        r"\bnever (?:ends|turns out|goes|works out|end|turn out) well\b",
        r"\b(?:is|are|was|were) (?:never|not|rarely|hardly ever|hardly) (?:a |such a )?(?:good"
        r"|great|smart|wise|clever|healthy) (?:idea|plan|move|habit)\b",
        r"\b(?:is|are) still (?:a )?drugs?\b|\ba (?:drug|habit|addiction|bet) is a (?:drug|habit"
        r"|addiction|bet)\b",
        r"\bnot (?:real|true|proper|good) (?:friends|mates)\b",
        r"\bbut you are (?:an adult|a grown)\b",
        r"\b(?:that is|it is|this is) (?:just |only |all )?the (?:weed|alcohol|drink|drinking"
        r"|drugs|booze|pills|gambling|vape|vaping|nicotine)(?: talking)?\b",
        r"(?:^|\bi |\bsee(?: ,)? )told you(?: so)?\s*[.!]?$",
        r"\bwhy (?:did|do|would) you (?:\w+ ){1,3}then \?",
        r"\b(?:wrecks|ruins|destroys|damages|kills|wrecked|ruined|destroyed) your (?:sleep|body"
        r"|liver|brain|lungs|health|life|memory|mood|family|marriage)\b",
        r"\b(?:better|worse) (?:to be )?\w+ than (?:a |an )?(?:pothead|junkie|addict|drunk|stoner"
        r"|druggie|alcoholic|failure|loser)\b|\bis better than (?:failing|losing|ending up)\b",
        r"\byou would be (?:even )?(?:less|no) use to\b",
        # someone else knows better than the person ("he might know a bit more than you")
        r"\bknows? (?:a (?:bit|lot|little|fair bit) |far |much |way )?(?:more|better) than you\b",
        # their account of what happened dismissed ("it wasn't luck", "that was no accident")
        r"\b(?:it|that|this) (?:was not|is not|was no|is no) (?:just |really |simply |only )?"
        r"(?:bad )?(?:luck|an accident|accident|a coincidence|coincidence|bad timing|a one off)\b",
        # the facilitator about to say the hard thing ("if we're being honest", "it has to be
        # said"), or dismissing what they said as special pleading
        r"\bif we are (?:being )?(?:honest|real)\b|\bit (?:should|must|has to|needs to)"
        r" (?:perhaps |really )?be said\b|\bhow you square\b|\bconvenient(?:ly)? (?:sidesteps?"
        r"|ignores?|forgets?|leaves? out|overlooks?)\b|\bovergenerali[sz]ation\b"
        r"|\blike blaming (?:the|your|other|everyone|everything|them|him|her|work)\b"
        r"|\b(?:lots of|plenty of|loads of|many) people (?:have|had|go through|deal with"
        r"|cope with|manage) (?:it )?(?:hard|harder|worse|tough|tougher|stressful|difficult)\b",
        # a rebuttal after granting a point ("Still, you did turn up smelling of drink")
        r"\b(?:still|even so|all the same|yet)(?: ,)? you (?:did|do) (?!(?:it|well|great|so|not|come"
        r"|make it|get)\b)\w+",
        # what a good parent or partner would do, said to one
        r"\ba (?:good|real|proper|decent|responsible) (?:mother|father|mum|mom|dad|parent"
        r"|partner|wife|husband|friend|son|daughter) (?:would (?:not |never )?(?:let|make|put|stop"
        r"|know|see|have|leave|walk)|should|does not|would not|would never)\b",
        r"\b(?:it is not|its not|clearly not|hardly|not exactly|not really) (?:just |only )?your"
        r" (?:business|decision|choice|call|money)\b",
        # sarcasm built from praise ("well done, throwing three months away", "real mature")
        r"\b(?:well done|great job|good job|nice one|bravo|good on you|congratulations)(?: ,)?"
        r" (?:\w+ ){0,2}(?:throwing|wasting|blowing|chucking|binning|ruining|undoing|losing)\b",
        r"\breal (?:mature|smart|clever|grown up|responsible)\b|\bbrilliant (?:argument|logic"
        r"|excuse|reasoning)\b|\bthat is one way of (?:looking at|seeing|putting) it\b",
        r"\b(?:is|are|was|were) not exactly (?:healthy|good|normal|great|ideal|sensible|smart"
        r"|helping|moderate|nothing)\b",
        # questions that argue ("what about Mia, though?", "why are you drinking then?",
        # "like you had it under control last month?")
        r"^like you (?:had|were|did|said|have|are)\b[^?]*\?",
        # academic arguing ("it is difficult to credit that account", "a matter of degree")
        r"\b(?:it is|it would be|i find it) (?:hard|difficult|tricky) to (?:believe|credit|accept"
        r"|see how|take seriously)\b|\b(?:undermines|contradicts|does not square with) (?:the|your"
        r"|that) (?:claim|account|story|argument|point)\b|\ba matter of degree\b"
        r"|\bthere is no (?:['\"] )?\w+(?: \w+)?(?: ['\"])? about it\b|\bstinking thinking\b"
        r"|\bevery (?:relapse|lapse|slip|binge) (?:starts|begins) with\b"
        r"|\byou (?:\w+ )?(?:realiz\w*|hear|know|see) how (?:that|this|it) sounds\b"
        r"|\byou are (?:only |just )?making (?:it|things|this) worse\b"
        r"|\b(?:both )?(?:illegal|reckless) and (?:reckless|illegal|dangerous|irresponsible)\b"
        r"|\b(?:kinda|kind of|sort of|a bit|pretty|bit) (?:mad|daft|crazy|stupid|silly|nuts)\b",
        r"\bwhat about (?:\w+ ){1,3}(?:, )?though\b",
        r"\bwhy (?:are|were) you (?:still )?(?:drinking|using|gambling|smoking|betting|vaping"
        r"|taking|doing it|doing that)\b|\bif you know\b[^?]{0,60}\bwhy\b",
        r"\bthe (?:doctor|doctors|gp|nurse|nurses|judge|court|police|boss|school|teacher|experts?"
        r"|research) (?:is|are|was|were|'s) (?:dead |completely |totally |absolutely |quite )?right\b",
        # diagnoses and verdicts on their progress or secrets
        r"\bsyndrome\b|, classic \.?$|\b(?:a )?(?:massive |big |huge |real |major )?(?:red flag"
        r"|alarm bells?)\b",
        r"\bthe hard(?:est)? (?:part|bit) is (?:still )?(?:ahead|to come|yet to come|coming)\b"
        r"|\b(?:days?|weeks?|months?) (?:is|are) nothing\b",
        r"\bletting (?!yourself\b)\w+ down\b|\b(?:whether you )?like it or not\b",
        r"\b(?:a|an|your) (?:serious |real |big |proper |massive |classic |textbook |full blown"
        r" |clear )?(?:drinking|gambling|drug"
        r"|alcohol|booze|porn|gaming|spending|shopping|betting|weed|cannabis|cocaine|coke)"
        r" (?:problem|addiction|issue)\b",
        # minimising named and rebutted ("you're playing it down", "you got off lightly",
        # "let's not forget", "we all know a fiver isn't nothing", "for no reason")
        r"\bplaying (?:it|this|that|things) down\b|\bgot off (?:lightly|lucky|easy)\b"
        r"|\blet us not forget\b|\bneed i remind you\b|\b(?:we|you and i) (?:all |both )?know"
        r" (?:that )?(?:\w+ ){0,3}(?:is not|was not|are not|is never|will never|can not)\b"
        r"|\b(?:getting|being|so) defensive\b|\bfor no (?:good )?reason\b(?! at all\b)"
        r"|\bi am (?:a bit |quite |rather |really )?(?:surprised|shocked) (?:that )?you(?:'re| are)?\b",
        # the reasoning dismissed as immature, or a qualification struck down ("that doesn't
        # mean you sleep through his football, does it?")
        r"\b(?:is|sounds|seems) (?:a bit |a little |quite |rather |pretty |really )?(?:childish"
        r"|immature|naive|juvenile)\b|\bdoes not mean you\b[^.?!]*, does it \?",
        # the person's words turned against them ("you said you had it handled last week too,
        # and look how that went")
        r"\b(?:and )?look (?:how|where) (?:that|it|this) (?:went|turned out|ended|got you)\b"
        r"|\byou said (?:you|it|that) (?:\w+ ){1,4}(?:last|before|too)\b[^.?!]*\b(?:and|but) (?:look|now)\b",
        # the hard line announced, or their account dismissed after a comma ("let's be clear with
        # each other: ... that was the gaming, not bad luck"), or most people held up to them
        r"\blet us be (?:clear|straight|honest|frank) with each other\b|, not (?:just )?(?:bad )?luck\b"
        r"|\bmost people(?: 's)? (?:\w+ ){0,2}(?:do not|does not|would not|never)\b",
        # effort denied them ("you didn't exactly try to talk to anyone")
        r"\byou (?:did not|have not) (?:exactly|even|really even) (?:try|tried|bother|bothered"
        r"|help|helped|make|made|put|give|gave)\b",
        # a generalisation of theirs contradicted ("Not all nurses drink though. That's just
        # something people tell themselves."), a danger pointed out, "you know this"
        r"\bjust (?:something|what|a story) (?:people|you|we|everyone) tells? (?:themselves|yourself"
        r"|ourselves)\b|^not all (?:\w+ ){1,2}(?:do|drink|use|are|gamble|smoke|have)\b"
        r"|\b(?:is|are) (?:really |so |very )?(?:dangerous|risky|reckless) (?:for|to) (?:patients"
        r"|you|your|the|others|everyone|people)\b|, you know (?:this|it)\s*[.!]?$",
        # scoring a point ("I was right and you were wrong")
        r"\byou (?:were|are) (?:just |simply |plain |dead |completely )?wrong\b|\bi (?:was|am)"
        r" right (?:and|all along|about you)\b|\bi told you (?:so|that would happen)\b",
        # siding with someone else's verdict on them ("Well, your daughter seems to think so.")
        r"\b(?:your|his|her|their) (?:\w+ )?(?:daughter|son|wife|husband|partner|mum|mom|dad"
        r"|mother|father|doctor|gp|boss|family|friends?|mates?|sister|brother|kids|children)"
        r" (?:seems to |seem to |clearly |obviously )?(?:thinks?|says?|reckons?|believes?) so\b",
        # what real friendship or love would (not) do
        r"\b(?:real|true|proper) (?:friendship|love|loyalty|mates?|friends?) (?:would|does|do)"
        r" (?:not|never)\b",
        # "if you won't ..., I'm not sure what you expect to get out of coming"
        r"\bnot sure what you (?:are expecting|expect|think you will get|want) (?:to get )?"
        r"(?:out of|from)\b",
        # warnings and verdicts from a volunteer play-test (playtest_dev2): "you'd be throwing
        # it all away", "that's how it always starts", "that's defeatist talk", "a very
        # black-and-white way of thinking", "it isn't helping you", "nobody forces you", "then
        # you know what to do", "bit hypocritical", "maybe your parents have a point"
        r"\byou would be (?:\w+ )?(?:throwing|chucking|blowing|wasting|giving) (?:it all|all"
        r" (?:of )?(?:that|it|this)|everything|it) (?:away|up)\b|\bthat is (?:exactly |just )?how"
        r" (?:it|they|a relapse|relapse|a slip) (?:always |usually |all )?(?:starts|begins)\b",
        r"\bthat is (?:a |an |such a |very |pretty |quite |really |just |bit of a |kind of )*"
        r"(?:defeatist|negative|self pitying|victim|black and white|all or nothing|lazy|selfish"
        r"|stubborn|irrational|distorted|twisted|unhelpful) (?:talk|thinking|way of thinking"
        r"|attitude|mindset|excuse|way of looking at it)\b|\b(?:is not|are not|is never)"
        r" (?:really |exactly )?helping you\b|\b(?:nobody|no one|no one is) (?:is )?(?:forcing"
        r"|forces|makes|made|making) you\b|\bthen you know what (?:to do|you need to do|has to"
        r" happen)\b|\bhypocrit(?:e|ical)\b|\b(?:your|they|he|she|the) (?:\w+ )?(?:might|may"
        r"|probably|do|does|could) (?:just )?(?:have|has) a point\b",
        # the facts held against them ("doesn't change the fact that the cards are maxed",
        # "that's the maths", "last time 'strong enough' lasted a month", "hiding behind",
        # "clinging to", "more honest with yourself")
        r"\b(?:does not|do not|would not|will not) (?:really |actually )?change the fact\b"
        r"|\bthat is (?:just |simply )?the (?:maths|math|reality|truth|facts|bottom line)\s*[.!]?$"
        r"|\blast time (?:\S+ ){0,6}(?:lasted|did not last|ended|went)\b|\bhiding behind\b"
        r"|\byou are (?:just |still )?clinging (?:on )?to\b|\bmore honest with yourself\b",
        # sarcasm, siding with someone else, a warning, the facilitator biting back (a third
        # volunteer play-test, playtest_dev3): "how's that working out?", "funny how that
        # happens", "your flatmate had a point", "please be careful", "no need to bite my head off"
        r"\bhow is (?:that|this|it) (?:working|going) (?:out )?(?:for you)?\s*\?|\bfunny how"
        r" (?:that|it|these things) (?:happens|works|goes)\b|\b(?:your|his|her|their) (?:\w+ )?(?:had"
        r"|has|have|got|has got|might have|may have) (?:a |a fair |a good )?point\b|\b(?:please |do )"
        r"be careful\b|\bno need to (?:bite my head off|get (?:so )?(?:defensive|snappy|shirty))\b"
        r"|\b(?:can|could|will) slide (?:very |really )?(?:quickly|fast)\b",
    )
)
# Facts chosen to push change, said without being asked: advice without permission.
PUSHING_FACTS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\breally does (?:affect|damage|harm|mess (?:with|up)|hurt|wreck|rot)\b|"
        r"\b(?:actually|only|just|really) makes? (?:\w+ ){0,2}worse\b|\bmakes? (?:your |the )?"
        r"(?:anxiety|sleep|depression|mood|cravings|withdrawal|hangovers?|stress) worse\b",
        r"\b(?:lots of|plenty of|loads of|many|most) people (?:manage|cope|get by|get on|live"
        r"|sleep|do|are)(?: fine| ok| okay| well| perfectly well| just fine)? without\b",
        r"\bone (?:option|idea|thing you could try) (?:would be|is|might be)\b",
        r"\bthere are (?:way |much |far |a lot )?(?:better|healthier|other|safer) ways to\b",
        r"\bsome people find (?:it )?(?:easier|helpful|useful|it helps|that it helps|it useful)\b",
        r"\byou could (?:\w+ ){1,6}instead\b",
        r"\b(?:maybe|perhaps) you could (?:sort of |kind of |just |maybe )*(?:taper|cut|stop|quit"
        r"|try|switch|swap|ask (?:your|the|a)|ring|call|book|go (?:to|for|and)|talk to|see (?:a|your)"
        r"|get (?:a|some|rid)|give (?:it|up)|leave|avoid|skip|delete|block)\b",
        # a soft instruction ("maybe just stick to orange juice to be safe?")
        r"\b(?:maybe|perhaps|probably best to|best to|better to) (?:just )?(?:stick (?:to|with)"
        r"|switch to|swap (?:to|it)|skip|avoid|stay (?:off|away|home|in)|keep (?:off|away|to)"
        r"|have (?:a|an|some) (?:soft|alcohol free|non alcoholic|orange)|book|ring|call)\b",
        r"\b(?:can|will|could|might|is going to) (?:still |really |seriously |easily )?(?:damage"
        r"|harm|wreck|ruin|destroy|hurt) your (?:liver|health|body|brain|lungs|heart|sleep|memory"
        r"|teeth|skin)\b",
        r"\b(?:your body|your brain|your mind|your gut|that|it|this) (?:is )?(?:telling|trying to"
        r" tell) you to\b|\bthe (?:\w+ )?risks? (?:is|are) (?:very |really |so )?(?:real|high"
        r"|serious|huge)\b",
        # a suggestion asked about ("I'm curious whether you've thought of cutting up a card")
        r"\b(?:whether|if) you have (?:ever )?(?:thought (?:of|about)|considered|tried) \w+ing\b",
        # a referral asked as a question ("have you ever talked to anyone about PTSD?")
        r"^(?:so |and )?have you (?:ever )?(?:talked|spoken) to (?:anyone|someone|somebody"
        r"|a (?:doctor|gp|counsell?or|counselor|therapist|professional)|your (?:doctor|gp)) about"
        r" (?!it\b|this\b|that\b|how\b|what\b|the\b)",
        # "you'd do better to drop it", "maybe it's time to think about moving", "research shows"
        r"\byou (?:would|will) do (?:better|well) to\b|\b(?:maybe|perhaps) it is (?:high )?time"
        r" (?:to|you|for you to)\b|\bit is (?:high )?time (?:you|for you to)\b|\b(?:research|studies|the evidence|science) (?:shows?|says"
        r"|proves?)\b",
        # a thing or a time put forward as the answer ("a sleep app could help with that",
        # "a family meeting might be the next step", "maybe tonight's the night you...")
        r"\b(?:an?|some) (?:\w+ ){1,3}(?:could|might|would|may|will) (?:really |probably )?help"
        r" (?:with (?:that|this|it)|you)\b|\b(?:might|could|would|may) be (?:the|a|your) (?:next"
        r"|first|good|right|obvious) step\b|\b(?:tonight|today|this week|now) (?:is|'s) the (?:night|day"
        r"|week|time) (?:you|to)\b",
        # an action recommended as a verdict on it ("moving the savings would be the kindest
        # step", "cutting up the card is probably the wisest move")
        r"\b(?:would|could|might|will|is) (?:\w+ )?(?:be )?(?:the|your) (?:best|kindest|wisest"
        r"|right|sensible|smartest|safest|healthiest|obvious|logical) (?:step|thing|move|option"
        r"|way forward|course|choice|call)\b",
        # the facilitator's "I'd..." about the person's situation ("next time I'd leave the
        # party", "I'd get yourself along to that lunch")
        r"\bi would (?:just )?(?:leave|get yourself|get (?:rid|out|away|a|some)|go (?:home|to|for"
        r"|and)|ring|call|delete|block|bin|ditch|skip|avoid|stay (?:away|off|out|home)|cut"
        r"|stop|quit|take (?:a|the|some)|put (?:the|your|it)|sell|move (?:the|your|it)|hand"
        r" (?:over|the|your)|cancel|walk (?:away|out))\b",
    )
)
