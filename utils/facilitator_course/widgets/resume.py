"""Saving and restoring where a practice widget stands, from the widget layer.

The engines stay pure (they know nothing of files); each widget records the learner's own
actions (a choice index, a typed reply, a label) and replays them through its engine when it is
built again, after a reload or a server restart. A save that fails never stops the practice: the
widget shows the plain message returned here, and a state that cannot be replayed (content
changed since it was saved, a hand-edited file) is dropped quietly in favour of a fresh start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..htmlsafe import escape
from ..progress import ProgressStore
from .style import message_html

if TYPE_CHECKING:  # the sorting widget uses this module too and needs no role-play engine
    from ..roleplay.conversation import Conversation


def store_or_default(store: ProgressStore | None) -> ProgressStore:
    return store if store is not None else ProgressStore()


def load_state(store: ProgressStore, key: str) -> dict[str, Any]:
    """The saved state for `key`, or {} (nothing saved, or the file could not be read)."""
    try:
        return store.resume_state(key) or {}
    except OSError:
        return {}


def saved_entry(store: ProgressStore, section: str, key: str) -> dict[str, Any] | None:
    """A recorded result (`section` "scenarios" or "meetings"), or None."""
    try:
        entry = store.load()[section].get(key)
    except OSError:
        return None
    return entry if isinstance(entry, dict) else None


def save_position(store: ProgressStore | None, key: str, state: dict[str, Any]) -> str:
    """Save where a widget stands under `key`: "" when saved, else a message (HTML, escaped)
    for the learner saying why not. The practice goes on either way."""
    try:
        store_or_default(store).save_resume(key, state)
    except OSError as exc:
        return message_html("todo", "Where you are could not be saved: " + escape(str(exc)))
    return ""


def past_record_html(entry: dict[str, Any] | None, what: str, verdict: str = "") -> str:
    """One line saying what was done before: attempts and best score (numbers only, no text
    from the learner, so nothing needs escaping beyond the caller's `what` and `verdict`)."""
    if not entry:
        return ""
    attempts = _int(entry.get("attempts"))
    best = _int(entry.get("best_score"))
    if attempts <= 0:
        return ""
    return (
        f'<p class="fc-record"><strong>Your record:</strong> {what} {"once" if attempts == 1 else f"{attempts} times"}, '
        f"best score {best}/100{verdict}.</p>"
    )


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return 0


def replay_replies(conversation: Conversation, replies: Any) -> list[dict[str, Any]]:
    """Replay saved role-play replies ({"choice": index} or {"text": reply}) through the engine
    and return those replayed; a run that no longer replays (the scenario changed, a
    hand-edited file) is restarted and [] returned."""
    from ..roleplay.conversation import ConversationOver, ReplyRejected

    if not isinstance(replies, list):
        return []
    done: list[dict[str, Any]] = []
    try:
        for reply in replies:
            if isinstance(reply, dict) and "choice" in reply:
                conversation.choose(int(reply["choice"]))
            elif isinstance(reply, dict) and isinstance(reply.get("text"), str):
                conversation.reply(reply["text"])
            else:
                raise ValueError("not a saved reply")
            done.append(dict(reply))
    except (ReplyRejected, ConversationOver, IndexError, KeyError, ValueError, TypeError):
        conversation.restart()
        return []
    return done
