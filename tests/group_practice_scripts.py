"""Scripted facilitators for the six group practices (data/group_meetings/m*-*.yaml).

SKILLED shows each practice's focus skill; FIXER tells members what to do; CLOSED asks only
closed questions. tests/test_group_practices.py plays them through the real engine and judge.
The group's answers are deterministic, so a change to a practice file may need its script updated.
"""

SKILLED = {
    "m1-reflecting-to-the-group": [
        "Let's start check-in. How has your week been since the last meeting?",
        "So work is fine, and it's the quiet flat in the evening that brings the urge.",
        "Lena, how has your week been?",
        "The evening stretches out, and the app fills it.",
        "Tomas, how about you?",
        "It sounds like several of you find the evenings the hardest part, when the day goes quiet.",
    ],
    "m1-linking-two-members": [
        "Let's put a cost-benefit analysis on the board. What did drinking, gambling or vaping do for you?",
        "Ade, drinking was the reward you gave yourself at the end of a hard week.",
        "Marta, what about you?",
        "Ade and Marta, you both describe it as a prize at the end of a hard stretch.",
        "That reward at the end of the week matters to both of you.",
        "What else would the group add to the board?",
    ],
    "m4-bringing-in-the-quiet-member": [
        "Let's start check-in. How has your week been since the last meeting?",
        "A whole party on lemonade, for the first time in years.",
        "Rosa, how has your week been?",
        "You went home early, and it was still on your mind all night.",
        "Ben, how about you?",
        "Nia, would you like to check in tonight? It's fine to pass.",
        "Twelve days, and the long Sundays on your own are the hard part.",
    ],
    "m4-a-cba-with-the-whole-group": [
        "Let's put a cost-benefit analysis on the board. What are the benefits of drinking, betting or smoking at the weekend?",
        "Kofi, the time with your brothers matters, and the lost Sunday hurts.",
        "What costs and benefits would the rest of the group add?",
        "Hana, you miss the excitement, and you like having your wages on Monday.",
        "What would others put in the boxes for not using?",
        "So the board has relaxing, excitement and sleep as benefits, and lost Sundays and lost weekends as costs.",
        "What else would the group add to the board?",
        "Sunday mornings are what the group gets back.",
    ],
    "m5-crosstalk-in-check-in": [
        "Let's start check-in. How has your week been since the last meeting?",
        "Proper dinners instead of the pub.",
        "Chloe, how has your week been?",
        "Owen, thank you, can I ask you to hold that thought until working time? Let's let Chloe finish.",
        "You got through a tiring week without a pill.",
        "Dev, how about you?",
    ],
    "m5-a-member-who-gives-advice": [
        "Let's work the ABC on the flip chart together. Mei, what was the consequence for you?",
        "Wendy, that sounds like advice. Could you share what worked for you instead, from your own experience?",
        "Mei, ordering first sounds like something you can picture doing at the next dinner.",
        "What beliefs do others recognise from the board?",
        "The 'just one' voice is familiar to several of you.",
        "Mei, what were you telling yourself at the dinner?",
        "So the belief was that you'd be boring, and it came from you, not from them.",
    ],
}

# A member or the facilitator fixing things: advice without permission at every turn.
FIXER = [
    "You should all stop thinking about it and just stay busy in the evenings.",
    "You need to delete the apps and stay away from people who use.",
    "You have to stop going to those dinners and parties.",
    "You should try going to more meetings.",
    "Just tell them no and leave early.",
    "You need to get a hobby, that's what works.",
    "You should ask your doctor for something.",
    "You must avoid the pub completely.",
]

# Closed questions only: facts and yes/no, never a reflection, an invitation or a redirect.
CLOSED = [
    "Did you drink this week?",
    "Was it hard?",
    "Did you use at the weekend?",
    "Is that the same as last week?",
    "Did it help?",
    "Did anyone else have a hard week?",
    "Do several of you find evenings hard?",
    "Is that a cost?",
]

GIBBERISH = ["asdf qwer zxcv", "lorem ipsum dolor sit amet", "jjjjjjj kkkk"]
