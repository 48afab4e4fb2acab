"""The patterns that find advice in a clause: instructions, "you should", soft suggestions.

Split from `harm.py` (which combines advice, confrontation and labels clause by clause and decides
which views are reported) so that each file stays readable, as `label_patterns.py` is for labels
and `verdicts.py` for lectures said as general truths.
"""

from __future__ import annotations

import re

# What a facilitator might tell someone to do: verbs that push a change of behaviour.
_ACT = (
    r"(?:try|trying|start|stop|quit|cut|cutting|go|going|get|call|ring|ask|tell|talk to|use"
    r"|make|put|take|give|avoid|switch|swap|join|find|look (?:at|into|for)|write|(?<!can )keep|leave"
    r"|set|plan|consider|download|delete|block|limit|pour|throw|bin|skip|spend|read|walk|eat"
    r"|drink (?:water|less|more)|see a|book|attend|come|bring|replace|ban|hide|lock|chuck"
    r"|ditch|dump|sell|move|focus|think about (?:cutting|stopping|quitting|getting|going"
    r"|joining|calling|asking)|only (?:have|drink|play|bet|use|smoke)|have (?:a|an|some|just"
    r"|only|fewer|less)|stick to|cancel|unsubscribe|self exclude|sign up|tell them|back off"
    r"|distract|remove|give up|pick up|reach out|speak to|phone|text|message|log (?:off|out)"
    r"|uninstall|unplug|go to bed|head (?:home|to bed)|turn (?:it|that|them|the \w+) off)"
)
# Phrases that report the person's own view, not the facilitator's instruction: "you feel you
# have to", "people keep saying you should".
_REPORTED = (
    r"(?<!feel )(?<!feel like )(?<!think )(?<!believe )(?<!told )(?<!say )(?<!said )"
    r"(?<!says )(?<!heard )(?<!sure )(?<!whether )"
    r"(?<!feeling )(?<!felt )(?<!felt like )(?<!feels like )(?<!thought )(?<!telling )"
    r"(?<!thinking )(?<!wondering if )(?<!wondering whether )(?<!deciding if )"
    r"(?<!worried )(?<!scared )(?<!afraid )(?<!tells )(?<!like )"
)
ADVICE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        _REPORTED + r"\b(?:you|your) (?:really |just |definitely |honestly |seriously |probably "
        r"|still |absolutely |simply |both |all )?(?:should|ought to|need to|needs to|have to"
        r"|has to|must|have got to|got to|had better|better (?:not )?(?:get|stop|go|cut|start"
        r"|try|call|tell|quit))\b(?! (?:feel|be feeling|decide|choose|want|agree|be (?:so |really"
        r" |very )?proud)\b)",
        _REPORTED + r"\b(?:you|u) (?:could|can|might|may|would) (?:just |always |maybe |perhaps "
        r"|also |even |probably |easily |simply |at least |instead )?(?:want to )?" + _ACT + r"\b"
        r"(?! (?:whenever|anytime|any time|at any point|early|if you))",
        _REPORTED
        + r"\byou (?:really |just |definitely |seriously )?need (?:a|an|some|to get a|to see a)"
        r" (?!lot\b|bit\b|minute\b|moment\b|second\b|while\b)\w+",
        r"\bwhy (?:do not|not|don't|dont) you\b|\bwhy not (?!\?)\w+|\bwhy (?:do not|don't|dont) we"
        r" (?:get|have|make|put|set|sort) you\b",
        r"\b(?:maybe|perhaps|just|probably|definitely|honestly|seriously|so) (?:just )?(?:try"
        r"|stop|quit|cut|go for|go to|get rid|get (?:a|some|yourself)|call|avoid|start|ban"
        r"|tell (?:them|him|her|your)|throw|pour|delete|switch|take|put|do not|don't|bin|skip|ask (?:your|her|him|them|for|a|the|someone)"
        r"|leave|join|find|give up|stay away|keep away)\b",
        r"\b(?:it|that|this) (?:might|may|would|could|will|can|should) (?:really |probably "
        r"|definitely )?(?:help|be (?:good|best|better|wise|worth|a good idea|helpful|useful"
        r"|smart|sensible|an idea))(?: (?:to|if you|for you to))?\b(?! (?:to )?(?:hear|know"
        r"|understand|talk about|talk more|say more|tell me|look at what|explore)\b)",
        r"\bi (?:would |do |really |strongly |definitely |honestly )*(?:recommend|suggest"
        r"|advise|urge)\b|\bmy (?:advice|suggestion|tip)\b|\bif i were you\b|\bif i was you\b"
        r"|\bi think you (?:should|need|ought|must|have to|could|might want)\b",
        r"\b(?:best|only|real|simplest|easiest) (?:thing|option|move|bet|fix) (?:is|would be"
        r"|to do)\b(?! (?:up to|for you to decide|what you decide))",
        r"\bthe (?:best|only|real|obvious|simplest|easiest) (?:thing|answer|way|option|move|bet"
        r"|solution|cure|fix|plan|step)\b(?! (?:for you )?(?:is up to|you can think|you know|i\b|we\b))"
        # what works for them, said back ("this is the only thing that switches you off")
        r"(?! (?:that|which) (?:does|gets|helps|works|switches|stops|makes|keeps|calms|shuts"
        r"|quiets|quietens|takes|gives|lets|has|seems|turns)\b)(?! (?:you|they) have found\b)",
        r"\byou (?:would|will|d) (?:be better off|feel (?:so much |a lot |much |way )?better"
        r"|be (?:so much |a lot |much |way )?(?:better|happier|healthier))\b|\bthe thing to do\b"
        r"|(?<!look at )(?<!talk about )(?<!think about )(?<!explore )(?<!hear )"
        r"\bwhat you (?:need|should|have|want|ought) to do\b|\bmake sure (?:you|to)\b",
        r"\bwe (?:could|should|can|need to|have to|must|might|will) (?:just |maybe |also )?(?:try"
        r"|look at (?:cutting|stopping|quitting|getting|a plan|ways)|start|cut|work on (?:cutting"
        r"|stopping|quitting|your)|get you|set you|plan your|make you|sort you|find you|ban"
        r"|stop|quit)\b(?! (?:with|by|at|our|the|a|this|tonight|now|here|there|for) ?(?:\w+ ){0,2}"
        r"(?:check|round|meeting|agenda|introductions?|reading|opening|welcome|discussion|break"
        r"|board|session|group|minutes?|o'?clock|\d|one|two|three|four|five|six|seven|eight|nine"
        r"|ten|eleven|twelve|half|quarter))",
        r"\blet us (?:get you|cut|stop|quit|ban|make you|set you)\b",
        r"\b(?:one|a|another) (?:thing|idea|trick|tip|option) (?:that )?(?:works|helps|that works"
        r"|that helps|you could|to try|is to)\b|\b(?:a lot of|lots of|many|some|most|other)"
        r" (?:people|folks|members|of us)(?: here| in the group)? (?:find|have found|swear by)"
        r" (?:that )?(?:it |that )?(?:helps|works|useful|helpful|\w+ing)\b",
        r"\bwhat (?:helped|worked) (?:for )?me (?:was|is)\b|\bwhat i (?:did|do) (?:was|is)\b"
        r"|\bthe (?:trick|key|answer|secret|solution) is (?:to|just|simply|that you)\b"
        r"|\bit will (?:pass|be fine|be okay|get better)\b|(?<!second )(?<!minute )(?<!moment )"
        r"\byou (?:will be|are probably|are)"
        r" (?:fine|okay|all right)\b(?! (?:with|to|about|if|the next|and the next|one|then))|\bso (?:next week|tomorrow|from now on|from monday) you will (?:stop|quit|cut|not)\b"
        r"|\bhave a (?:think|go|word)\b|\b(?:just|simply) speak up\b"
        r"|\bnext time(?: ,)? (?:you )?(?:just )?(?:use|try|take|call|ring|go|tell|get|put|bring"
        r"|leave|walk|say no|stay)\b|\b(?:it )?is (?:much |way |so |far )?better for you\b"
        r"|\byou (?:might|may|could|would) (?:just |also |really )?want to (?!talk|say|share|tell"
        r"|think about what|know)\w+",
        r"\b(?:how|what) about (?:trying|cutting|stopping|going|getting|calling|asking|telling"
        r"|joining|switching|having|taking|using|setting|writing|keeping|avoiding|finding)\b",
        # a recommendation said as a verdict on an action: "X sounds like the way to go",
        # "X would do you good", "a good next step might be X", "it's best to X"
        r"\b(?:sounds like|is|seems like|looks like) the (?:way to go|way forward|answer|move"
        r"|ticket)\b|\bwould (?:probably |really |definitely )?do you (?:the world of |a lot of"
        r" |some |so much )?good\b|\b(?:a|the) (?:good|sensible|smart|wise|obvious|logical|next)"
        r" (?:next |first )?(?:step|move|idea|start|plan) (?:might|would|could|will) be\b"
        r"|\bwould be (?:a )?(?:good|great|sensible|smart|wise|the best) (?:idea|start|step|move"
        r"|thing|plan|place to start)\b|\b(?:it is|it would be|it might be|probably) (?:best|wise"
        r"|smart|sensible|worth your while) to\b|\bthe trick is\b",
    )
)
# An instruction at the start of a clause ("Go for a walk.", "Just stop.", "Ban yourself...").
IMPERATIVE = re.compile(
    r"^(?:(?:look|honestly|seriously|okay|ok|so|and|then|well|right|listen|just|but|also"
    r"|first|first thing|first things first|step one|for a start|to start|right away|tonight"
    r"|today|tomorrow|this week|next time|instead|basically|simple)"
    r"(?: ,)? )*(?:take (?:a|an|some|the|more|less|it|up|melatonin|\w+ instead)|try|stop|quit|go (?:for|to|and|out|home|back)|get (?:rid|yourself|a|some|off"
    r"|out|help|professional)|ban|throw|pour|delete|avoid|call|ring|leave|cut|switch|use|start"
    r"|do (?:it|this|that|something)\b(?![^?]*\?)"
    r"|block|join|find|give (?:it|up|yourself|them|(?:\w+ ){1,5}a (?:miss|rest|break|go))|keep (?:away|busy|off|out|going to|a|the"
    r"|your|yourself)|stay (?:away|off|out|home|busy)|put|bin|chuck|ditch|dump|lock|hide|skip"
    r"|limit|write (?:down|a|it)|make (?:sure|a|yourself|time|it (?:a|an|one|two|three|four|six|\d+)\b)|set (?:a|up|yourself|some)"
    r"|plan|tell (?:them|him|her|your|everyone)|ask (?:them|him|her|your|for)|speak to"
    r"|talk to (?:your|them|him|her|a)|think (?:of|about) (?:your|the|how)|consider|focus"
    r"|remember (?!when\b)|never (?!on|in|at|before|after|when|the|a|an|once|again|really)|do not|don't|dont|be (?:honest|careful|strong"
    r"|realistic|sensible)|drink (?:water|less)|eat|sign up|self exclude|replace|swap|sell"
    r"|move|buy|cancel|unsubscribe|pick up|reach out|phone|text|drive (?!you\b)|bring (?:her|him|them|a"
    r"|your|someone)|book (?:it|a|an|in|yourself|the|that|your)|get back (?:to|into|on)|set an)\b"
)

# Words before advice-like words that show the reply reports what the person thinks, wonders or
# is told ("you're not sure you could just stop", "sick of being told what you should do").
ADVICE_REPORTED = re.compile(
    r"\b(?:not sure|unsure|wonder|wonders|wondering|wondered|telling you|tell you|tells you"
    r"|told you|keep saying|keeps saying|people say|everyone says|says|said|reckons|think|thinks"
    r"|thought|feel|feels"
    r"|felt|worried|afraid|scared|wish|wishes|hope|hoping|question whether|doubt|doubting"
    r"|asking yourself|ask yourself|what you should|what you could|how you could|whether|what"
    r"|how|where|when|who|deciding|decide|decides|decided)\b"
    r"[^.?!;]{0,40}$"
)


COMMA = re.compile(r" , ")
# After a comma, only verbs that are plainly instructions (not "stop", "cut" or "never", which
# a reflection lists: "you want to cut down, cut right back").
AFTER_COMMA = re.compile(
    r"^(?:just |so |and )?(?:set an? (?:alarm|limit|reminder|timer)|put (?:the|your|it|them)"
    r" \w+ away|book (?:it|a|an|in)|bring (?:her|him|them|someone)|get back (?:to|into|on)"
    r"|delete (?:the|your|it|them)|block (?:the|your|it|them)|throw (?:it|them|the) away"
    r"|call (?:your|her|him|them|the)|ring (?:your|her|him|them|the))\b"
)
