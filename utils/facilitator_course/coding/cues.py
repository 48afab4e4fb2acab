"""The coder's named cues: short patterns a trained coder would name, each with the words a learner sees.

They live apart from the extraction (`features.py`) because they are the part people edit: a cue
added here is used by the model's features, named in the feedback ("starts with 'you should'") and
listed in `CUE_HINTS`. Every pattern is written for `text.normalise` output and uses only bounded
repetition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """A named pattern. `hint` is how the cue is described to a learner: "{m}" is the match."""

    name: str
    pattern: re.Pattern[str]
    hint: str


def _cue(name: str, pattern: str, hint: str, at_start: bool = False) -> Cue:
    return Cue(name, re.compile(("^(?:" + pattern + ")") if at_start else pattern), hint)


EMOTION = (
    r"(?:angry|anger|annoyed|frustrat\w*|furious|upset|sad|sadness|down|low|depressed|hurt|hurting"
    r"|lonely|alone|isolated|scared|afraid|frightened|fear|terrified|anxious|anxiety|nervous"
    r"|shaken|shook|rattled|gutted|stung|floored"
    r"|worried|worry|worries|worrying|stressed|overwhelmed|ashamed|shame|guilty|guilt"
    r"|embarrassed|disappointed|hopeless|helpless|stuck|trapped|cornered|torn|confused|lost"
    r"|exhausted|tired|drained|fed up|resentful|jealous|relieved|relief|proud|hopeful|hope"
    r"|excited|grief|grieving|miss|missing|dreading|dread|panic|empty|numb|bored|restless"
    r"|pressure|pressured|judged|pushed|sting|stings|stung|gutted|pleased|raging|fuming|livid"
    r"|scunnered|heartbroken|devastated|crushed|gobsmacked)"
)

# Cues tested at the start of the first and of the last sentence.
START_CUES: tuple[Cue, ...] = (
    _cue(
        "wh_closed",
        r"(?:so |and |okay |right )?(?:how (?:many|much|long|often|old|far|soon"
        r"|confident|important|likely|ready|sure|strong|bad)|(?:when|where|which|who)(?= (?:do|does"
        r"|did|is|are|was|were|have|has|had|can|could|will|would|should|might|shall|am|else"
        r"|one|ones|of|(?!(?:he|she|it|you|i|we|they|there|this|that|things)\b)\w+ (?:do|did|is"
        r"|are|was|were|would|will|can)\b))|what (?:time"
        r"|day|date|kind|sort|type|year|age|number|brand|drink|dose)|on a scale|out of ten)\b",
        "asks for a number, a time, a place or a short fact ('{m}')",
        True,
    ),
    _cue("wh_what", r"(?:so |and |okay |right |well )?what\b", "starts with '{m}'", True),
    _cue(
        "wh_how",
        r"(?:so |and |okay |right |well )?how\b(?! (?:many|much|long|often|old|far"
        r"|about))",
        "starts with '{m}'",
        True,
    ),
    _cue("wh_why", r"(?:so |and |okay |well )?(?:why|how come)\b", "asks why ('{m}')", True),
    _cue(
        "tell_me",
        r"(?:so |and |okay |well |please )?(?:tell (?:me|us)|describe|walk (?:me|us)"
        r" through|talk (?:me|us) through|say (?:a (?:bit|little) )?more|explain|help me "
        r"understand|give me an example|fill (?:me|us) in|take (?:me|us) (?:back|through)"
        r"|run (?:me|us) through|paint (?:me|us) a picture|catch (?:me|us) up|share (?:a bit"
        r"|more|what|how))\b",
        "invites the person to tell more ('{m}')",
        True,
    ),
    _cue(
        "curious",
        r"(?:i am (?:curious|wondering|interested)|i wonder|i would (?:love|like) "
        r"to (?:hear|know|understand))\b",
        "a question in statement form ('{m}')",
        True,
    ),
    _cue(
        "can_you_tell",
        r"(?:can|could|would) (?:you|u) (?:tell|say|describe|talk|explain"
        r"|share|walk|fill)\b",
        "invites the person to tell more ('{m}')",
        True,
    ),
    _cue(
        "aux_q",
        r"(?:so |and |okay |right |but )?(?:do|does|did|are|is|was|were|have|has|had"
        r"|can|could|will|would|shall|am|may|might) (?:you|he|she|they|it|we|i|that|this"
        r"|there|your|anyone|anybody|everyone|any|the|someone)\b",
        "starts like a yes/no question ('{m}')",
        True,
    ),
    _cue(
        "neg_aux_q",
        r"(?:do|did|are|is|have|will|would|could|should|can) not (?:you|it|that)\b",
        "starts like a leading question ('{m}')",
        True,
    ),
    _cue(
        "any_q",
        r"any (?:urges|cravings|luck|changes|news|slips|thoughts)\b",
        "asks a short yes/no question ('{m}')",
        True,
    ),
    _cue("you_start", r"(?:so )?(?:you|your)\b", "a statement about the person ('{m}')", True),
    _cue("so_you", r"so (?:you|your|it|the|what)\b", "starts with '{m}'", True),
    _cue("lets", r"let us\b", "starts with '{m}'", True),
    _cue("let_me", r"let me\b", "starts with '{m}'", True),
    _cue("i_start", r"i\b", "starts with 'I'", True),
    _cue(
        "greeting",
        r"(?:hi|hello|hey|hiya|welcome|good (?:morning|evening|afternoon|night)"
        r"|evening|morning|bye|goodbye|see you|take care|cheers|thanks|thank you|nice to see"
        r"|good to see|lovely to see)\b",
        "a greeting or thanks ('{m}')",
        True,
    ),
    _cue(
        "imperative",
        r"(?:just |so |and |then |honestly |seriously )?(?:try|stop|quit|go to"
        r"|go and|get rid|get yourself|get a|get some|get off|make sure|set|think about|pour"
        r"|put|delete|call|ring|bin|throw|leave|avoid|tell|write|pick|cut|switch|use|start"
        r"|remember|block|find|give|never(?! (?:on|in|at|before|after|when|the|a|an|once|again"
        r"|really))|ask|speak|talk to|eat|chuck|buy|sell|move|join|focus"
        r"|consider|look into|knock|ditch|drop|dump|lock|hide|skip|limit|keep (?:away|busy"
        r"|off|out|your|a|the)|do not (?:keep|go|buy|drink|use|let|bother|take|play|spend|hang"
        r"|even)|be (?:honest|careful|strong|realistic))\b",
        "starts with an instruction ('{m}')",
        True,
    ),
    _cue(
        "third_person",
        r"(?:the|a|an|our|many|most|some|people|cravings|urges|withdrawal"
        r"|alcohol|nicotine|cannabis|opioids|tolerance|smart|there (?:is|are)|in (?:smart|the"
        r"|our|check)|everything|research|studies|lots of|a lot of|it (?:is|can|tends|usually"
        r"|often) (?!up to|your|like|not your|okay|totally|completely|entirely))\b",
        "a general statement ('{m}')",
        True,
    ),
    _cue("so_start", r"(?:so|okay so|right so|okay|right)\b", "starts with '{m}'", True),
)

ANY_CUES: tuple[Cue, ...] = (
    _cue(
        "you_should",
        r"(?<!do )(?<!did )(?<!would )(?<!if )\b(?:you|your) (?:really |just |definitely "
        r"|honestly |seriously |probably |still |absolutely )?(?:should|ought to|need to|needs to|have to|has to"
        r"|must|have got to|got to|had better|better get|better stop|want to (?:get|stop|bin"
        r"|cut|quit))\b",
        "tells the person what to do ('{m}')",
    ),
    _cue(
        "i_advise",
        r"\b(?:i would|i) (?:really |strongly |definitely |honestly )?(?:recommend"
        r"|suggest|advise|urge)\b|\bmy advice\b|\bif i were you\b|\bthe best (?:thing|move"
        r"|way|option|idea|bet|plan)\b|\bthe thing to do\b|\bwhat you (?:need|want|should)"
        r" (?:is|to do)\b|\bit would be (?:a )?(?:good|smart|wise|best|better|sensible)\b"
        r"|\bit would (?:be|help)\b|\byou would be better off\b|\byou are better off\b"
        r"|\bmake sure\b|\btrust me\b|\bno two ways\b|\bsimple as\b|\bit is (?:important"
        r"|essential|vital|crucial) (?:that|to|you)\b|\bthe sooner you\b"
        r"|\bit is obvious you\b|\bit would be smart\b|\bi would definitely\b"
        r"|\bi really think you\b|\bi think you should\b",
        "gives advice ('{m}')",
    ),
    _cue(
        "better_off",
        r"\byou (?:will|would) (?:feel|be) (?:so much |a lot |loads |much "
        r"|way )?(?:better|happier|healthier)\b|\bgoing to make you\b",
        "argues for a change ('{m}')",
    ),
    _cue(
        "permission",
        r"\b(?:can|could|may|might) i (?:share|offer|suggest|give|tell|ask|add"
        r"|check|throw|make|mention|say|point|just)\b|\bwould (?:it|that) be (?:okay|all right"
        r"|fine|alright)\b|\bis (?:it|that) (?:okay|all right|fine|alright) (?:if|with you|to"
        r"|for me|by you)\b|\bwould (?:you|u) mind (?:if|me)\b|\bdo (?:you|u) mind (?:if|me)\b"
        r"|\bmind if i\b|\bwould (?:you|u) (?:like|want) (?:to hear|me to|some|a few)\b"
        r"|\bwould (?:you|u) be (?:okay|open|willing|up for|interested|all right|happy)\b"
        r"|\bare (?:you|u) (?:okay|open|willing|up for)\b|\bwith your permission\b"
        r"|\bif (?:it is|that is) (?:okay|all right) with you\b|\bif you are (?:open|up for"
        r"|okay with)\b|\bif you are open to it\b|\bdoes anyone mind\b",
        "asks permission ('{m}')",
    ),
    _cue(
        "check_fit",
        r"\b(?:does|did|would) (?:that|this|it) (?:fit|sound|make sense|seem|feel"
        r" right)\b|\bhow does (?:that|this|it) (?:sound|feel|sit|seem)\b|\bdid i (?:get|miss"
        r"|understand)\b|\bhave i (?:got|understood|missed)\b|\bam i (?:right|on track|off"
        r" track)\b|\bif i am (?:off|wrong)\b|\bcorrect me if\b|\bis that (?:right|fair"
        r"|accurate)\b|\bdoes that sound (?:right|about right)\b",
        "checks that it fits for the person ('{m}')",
    ),
    _cue(
        "collab",
        r"\btogether\b|\b(?:what|how|where|which) (?:would|do) (?:you|u) (?:like"
        r"|want|fancy) (?:to|us to)\b|\bwhat do (?:you|u) (?:want|hope|like) to (?:get|take"
        r"|focus|work)\b|\bwhat (?:would|might|could|do you think would|do you think might"
        r"|do you think could|do you reckon would|do you think will) (?:help|work|be (?:most )?"
        r"(?:helpful|useful)|make (?:this|it|that) (?:easier|better|work))\b"
        r"|\bwhat (?:ideas|thoughts) do you have\b|\bwhat is your (?:take|sense|view|opinion"
        r"|idea|thinking)\b|\b(?:shall|should) we\b|\bdo (?:you|u) want to (?:keep|carry"
        r"|come back|go on|leave|stop (?:here|there|for (?:now|today|tonight)|talking)|continue"
        r"|move)\b|\bwhich (?:tool|one|part|option)\b"
        r"|\b(?:you are) the expert\b|\bheads together\b|\bwhere (?:would|do) (?:you|u)"
        r" (?:like|want) to start\b|\bwhat would you like (?:us|the group|to focus|to work"
        r"|to take|to start|to do|to add)\b|\bhow (?:would|do) you (?:like|want) to (?:use"
        r"|spend|tackle|handle)\b|\byour thoughts first\b|\bbefore i (?:jump|say)\b"
        r"|\bwhat you think (?:of|about)\b|\bworking on what matters\b"
        r"|\bwould it help if we\b|\bwe could (?:try|work|look)\b",
        "invites the person to decide together ('{m}')",
    ),
    _cue(
        "autonomy",
        r"\bup to (?:you|u)\b|\byour (?:call|choice|decision|right|rules|timeline|pace)\b"
        r"|\b(?:it is|this is|that is|it is still) your (?:life|recovery|body|money)\b|\b(?:you|u) (?:decide|choose|get to (?:choose|decide|set)"
        r"|can decide|can choose|have (?:got )?the final)\b|\bonly (?:you|u) (?:can|know)\b"
        r"|\b(?:no one|nobody|noone)(?: here| but you| else)? (?:can|is going to|will|gets to"
        r"|has to) (?:make|force|decide|tell)\b|\b(?:you are) (?:in charge|in control|the boss"
        r"|free|the one who (?:decides|chooses|gets to|knows|calls|makes the)|the best (?:person|judge)"
        r"|an adult)\b|\bdriv(?:er|ing) seat\b"
        r"|\bfinal say\b|\bevery right\b|\byou do not (?:have|need) to\b|\byours to\b"
        r"|\bhas to come from you\b|\bwhatever you (?:decide|choose)\b|\brespect (?:it|that"
        r"|your)\b|\byou can (?:take|leave|pass|go at|decide|change)\b|\bbest (?:person|judge)"
        r"\b|\bknow (?:your life|yourself|your body|your situation|him|her) best\b"
        r"|\bthe (?:choice|decision) is yours\b|\bis yours\b|\bbetween you and your doctor\b"
        r"|(?<!wondering )(?<!not sure )(?<!unsure )(?<!yourself )(?<!asking )(?<!wonder )"
        r"\bwhether (?:you|or not|to)\b|\bon your (?:own )?(?:terms|timeline)\b"
        r"|\banyone 's permission\b|\byour own goal\b",
        "puts the choice with the person ('{m}')",
    ),
    _cue(
        "hedged_offer",
        r"\btake it or leave it\b|\bfeel free\b|\bjust a thought\b"
        r"|\bjust an idea\b|\bno pressure\b|\bonly if\b|\bif it helps\b|\bif (?:it is )?useful"
        r"\b|\bsee (?:what you think|if (?:that|it|this|anything) (?:fits|suits|works|helps"
        r"|appeals))\b|\bsee what works\b|\bgrain of salt\b|\b(?:might|may) not be (?:right"
        r"|for you)\b|\bnot sure if this\b|\bi do not know if this\b|\byou (?:might|could|may)"
        r" (?:consider|try|find|look|think|want to)\b|\bone (?:idea|option|possibility|thing"
        r" you could|approach|way(?! (?:you|they|he|she) (?:have|has|had) found)|suggestion)\b|\b(?:some|a few|lots of|a lot of|many|other)"
        r" (?:people|of us)(?: here| in the group)? (?:find|have found|swear|use|try|mention"
        r"|have had|do|keep)\b|\b(?:others|other people)(?: in the group)? (?:have found|find"
        r"|use|try)\b|\b(?:what|which) (?:helped|worked)(?: for)? me\b|\bfor me (?:it|what)\b"
        r"|\beveryone is different\b|\byou will know\b|\byou know (?:best|your|him|her)\b"
        r"|\bsince you (?:asked|wanted)\b|\byou asked\b|\byou wanted (?:some )?ideas\b"
        r"|\byou mentioned you wanted\b|\bif you (?:would like|want|like|fancy)\b"
        r"|\bwhich of those\b|\bif any\b|\bthere is no right answer\b|\bbut it is your\b"
        r"|\bworth a go\b|\bcould try\b|\bmight help\b|\bcan help\b|\bhelped (?:a|some)\b"
        r"|\bthat was me\b|\bwhatever seems useful\b|\bpick (?:whatever|one)\b",
        "offers an idea as one option ('{m}')",
    ),
    _cue(
        "sounds_like",
        r"\b(?:sounds|seems|looks|feels) (?:like|as if|as though)\b"
        r"|\b(?:it|that) (?:sounds|seems)\b|\bi am (?:hearing|getting|picking up|sensing)\b"
        r"|\bi (?:hear|sense|get the sense|guess|imagine)\b|\bi am guessing\b",
        "reflects what might lie underneath ('{m}')",
    ),
    _cue(
        "you_feel",
        r"\b(?:you|u) (?:are|were|have been|feel|felt|seem|sound|are feeling"
        r"|must be|must feel)(?: (?:really|so|a bit|quite|pretty|kind of|a little|very"
        r"|totally|getting|more|most))? " + EMOTION + r"\b",
        "names a feeling ('{m}')",
    ),
    _cue("emotion_word", r"\b" + EMOTION + r"\b", "names a feeling ('{m}')"),
    _cue(
        "double_sided",
        r"\bpart of (?:you|u)\b|\bon (?:the )?one hand\b|\bon the other\b"
        r"|\band yet\b|\bat the same time\b|\beven though\b|\band also\b|\bbut also\b"
        r"|\bwhile part\b|\beven if\b|\bthough\b|\balthough\b|\band still\b|\bboth\b"
        r"|\byet here you are\b",
        "holds both sides ('{m}')",
    ),
    _cue(
        "metaphor",
        r"\b(?:like|as if|as though) (?:a|an|someone|the|turning|standing|running|being)\b"
        # "It sounds like you..." and "it feels as if it..." frame a reflection; no image.
        r"|\b(?<!sounds )(?<!seems )(?<!feels )(?<!looks )(?<!sound )(?<!seem )(?<!feel )"
        r"(?<!look )(?:like|as if|as though) (?:you|it)\b|\bit is like\b|\bkind of like\b",
        "uses an image or metaphor ('{m}')",
    ),
    _cue(
        "values",
        r"\bmatters?\b|\bimportant to you\b|\bcare (?:about|a lot)\b"
        r"|\bwhat you (?:really )?want\b|\bwho you (?:are|used to be|would be)\b"
        r"|\bthe person you\b|\bmeans a lot\b|\bmore than (?:almost )?anything\b",
        "names what matters to the person ('{m}')",
    ),
    _cue(
        "inference",
        r"\b(?:underneath|deep down|i guess|a way of|the way you|the only"
        r"|what you really|starting to|running out|losing|wearing|has become|have become"
        r"|turned into|gone from|keeps you|in a way|for a while|more than you"
        r"|wondering whether|wondering if|not sure (?:who|what|you)|feel like|feels like"
        r"|scares you|scared of|afraid of|worried that|dreading)\b",
        "adds a meaning the person did not say ('{m}')",
    ),
    _cue(
        "summary",
        r"\blet me (?:see if|make sure|pull|bring|gather|try to (?:gather|sum|pull)"
        r"|recap|summari[sz]e|check i|just go back|sum|get this straight|get it)\b"
        r"|\b(?:to|just to|quick|let me|let us) (?:sum (?:it )?up|summari[sz]e|recap|wrap up)"
        r"\b|\bsumm(?:ing|ed) up\b|\bsummary\b|\bsummari[sz]e\b|\bso far\b"
        r"|\bput(?:ting)? (?:it|this|that|all that|it all|all this) together\b"
        r"|\bpull(?:ing)? (?:this|it|that|the threads|together|all that|your)\b"
        r"|\bgather(?:ing)? (?:this|it|up|what|together)\b|\brecap\b|\bin short\b"
        r"|\bin a nutshell\b|\bhere is (?:what|where|my)\b|\bwhat i have (?:got|heard|taken)\b"
        r"|\bthe picture is\b|\boverall\b|\blooking back over\b|\bto wrap up\b"
        r"|\bwhat i am hearing (?:overall|is)\b|\bso there is a lot\b|\bthere is a lot going"
        r" on\b|\bloads going on\b|\bfrom your cba\b|\bso your plan is\b",
        "gathers several things together ('{m}')",
    ),
    _cue(
        "told_us",
        r"\byou have (?:told|said|mentioned|shared|talked)\b|\byou (?:told|said"
        r"|mentioned)\b|\bwe have (?:heard|had)\b|\bwe heard\b|\beveryone said\b",
        "refers back to what the person said ('{m}')",
    ),
    _cue(
        "affirm",
        r"\b(?:courage|courageous|brave|bravery|guts|strength|strengths"
        r"|strong|determination|determined|committed|commitment|persistence|persistent"
        r"|resilien\w*|honest|honesty|insight|insightful|thoughtful|creative|resourceful"
        r"|dedication|dedicated|effort|hard work|worked (?:so |really |very )?hard|well done|good on you"
        r"|fair play|nice one|(?<!a )good job|great job|good going|proud|impressed|impressive"
        r"|appreciate|admire|congrat\w*|achievement|milestone|brilliant|fantastic|amazing"
        r"|massive|wise|smart move|knack|caring|shines? through|says a lot|counts for a lot"
        r"|well done|fighter|a lot of work|(?<!a )(?<!the )(?<!my )(?<!your )patient(?! ,? not)"
        r"|consistent|maturely|self respect"
        r"|brave|to bits|good (?:at|going)|really good|real achievement|great that"
        r"|brilliant that)\b",
        "recognises a strength or effort ('{m}')",
    ),
    _cue(
        "took_it",
        r"\b(?:that|it|this) (?:takes|took)\b(?! (?:the|your|my|his|her|their|our|away|over"
        r"|off|out|ages|forever|time|a while|hours|days|weeks|months|years|\d+)\b)|\bshows (?:real|how|a lot|what)\b"
        r"|\byou (?:did it|made it|stuck|kept (?:going|at|to)|handled|managed|found|followed"
        r" through|showed|have shown|have done|have made|have come|have been so|have got a)\b"
        r"|\byou are (?:clearly|obviously|really|a|so) (?:someone|a|good|caring|great"
        r"|resourceful|strong|fighter)\b",
        "points to something the person did or is ('{m}')",
    ),
    _cue(
        "info",
        r"\b(?:usually|often|tend to|tends to|typically|generally|commonly|research"
        r"|studies|study|evidence|stands for|is called|means|includes?|columns?|boxes|four"
        r"|grid|guidelines?|withdrawal|tolerance|overdose|naloxone|medicine|medication"
        r"|prescribed|prescriber|program|the meeting|meetings|the group|the tool|tools"
        r"|disorder|classification|percent|grams|helplines?|schemes?|secular|volunteers"
        r"|therapists|free|donation|donate|record|records|the stages|the urge log|the cba"
        r"|the abc|hierarchy|in the abc|the a in|the c|the b|check ?out|check ?in|is a"
        r"|are a|lets people|let people|can reverse|reverses|is based on|comes from|is part"
        r"|is not a|run for|runs for|lasts|last (?:about|around|up to|for|between|roughly|\d+)|peak|peaks|fade|fades|common|risky|dangerous"
        r"|a lapse|a relapse|is when|is where|contains?|still contain|what we know|we know (?:that"
        r"|from)|the evidence|results? (?:came|come|show|showed)|blood (?:pressure|tests?|sugar)"
        r"|liver (?:function|numbers|tests?|enzymes|scan)|enzymes|units (?:a|per) (?:week|day)"
        r"|a (?:steady |low |higher |lower )?dose|patch|patches|nicotine replacement)\b",
        "explains a fact ('{m}')",
    ),
    _cue("number", r"\b\d+\b", "mentions a number"),
    _cue(
        "confront",
        r"\b(?:denial|excuse|excuses|kidding yourself|lying(?! (?:there|on|in|awake|down|alone"
        r"|around|about in))|lie to|liar"
        r"|not true|you know it|and you know it|do not believe|ashamed of yourself|embarrassed"
        r"|pathetic|ridiculous|(?<!i am )rubbish|stupid|terrible idea|come on|come off it|seriously though"
        r"|you said (?:that|the same thing|the exact same|it) (?:before|last (?:time|week)|every"
        r" (?:time|week)|again)|you (?:never|always) (?:do|say|learn)"
        r"|blaming|blame|(?<!to )admit|(?<!to )be honest|(?<!to )face it|stop (?:making|feeling|kidding|pretending"
        r"|blaming|lying|acting)|your problem is|you obviously|you clearly (?:do not|are not"
        r"|weren't)|that is (?:wrong|not (?:true|how|what))|you can not be serious"
        r"|expect (?:us|me) to believe|you will never|not (?:even |really )?trying"
        r"|what were you thinking|right to be angry|(?<!not )your fault|own it|you are going to (?:end"
        r"|lose)|you will (?:end up|lose)|end up (?:dead|in hospital|losing)|if you (?:keep"
        r"|carry on|continue)|load of|do not care|lost cause|how many times|rock bottom"
        r"|talking not you|at your age|same as the rest|just like everyone|do not pretend"
        r"|do not act like|no way|not how it works|for once|honestly expect|you are only here"
        r"|you keep saying|nonsense|(?<!you )(?<!i )(?<!they )wake up|grow up|what is wrong with you|shame on you"
        r"|you do not seem|you are kidding|obviously|fool yourself|fooling)\b",
        "argues with, blames or warns the person ('{m}')",
    ),
    _cue(
        "rhetorical",
        r"(?:\breally|\bagain|\bseriously) \?|^no\b(?! (?:lecture|lectures|judgement|judgment|judging|pressure|rush|need|worries|problem|blame|shame)\b)|^(?:come on|oh come on)\b",
        "challenges the person ('{m}')",
    ),
    _cue(
        "procedure",
        r"\b(?:let us (?:move|go|start|get|pause|take|wrap|crack|all|give|begin"
        r"|look at the|have a)|break|next (?:person|up|week|one)|who is next|mute|screen"
        r"|minutes left|time for tonight|that is time|end of|waiting room|co-facilitator"
        r"|cofacilitator|opening statement|whiteboard|marker|worksheet up|board|chat"
        r"|internet|connection|hand over|one sec|bear with|someone is at the door|share my"
        r"|go round|go around|get started|get going|see you|take care|keep an eye on the time"
        r"|facilitating tonight|my name is|new faces|joining us|right then|round the room"
        r"|sorry(?: ,)? go ahead|go ahead|hear me)\b",
        "runs the meeting ('{m}')",
    ),
)

CUE_HINTS: dict[str, str] = {cue.name: cue.hint for cue in (*START_CUES, *ANY_CUES)}
