"""Typed group meetings: the capstone and group role-plays, played by typing every move.

    >>> from facilitator_course.group import load_group_meeting, GroupSession, score_session
    >>> session = GroupSession(load_group_meeting("capstone-thursday-evening"))
    >>> record = session.play("Welcome, everyone...")   # doctest: +SKIP

`schema.py` validates meeting files (data/group_meetings/), `moves.py` recognises group-level
moves, `engine.py` plays a meeting, `scoring.py` scores it the way observers score real groups,
and `transcript.py` saves the typed moves as data and re-judges them on the trainer's side.
"""
