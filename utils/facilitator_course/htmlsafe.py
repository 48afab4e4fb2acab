"""Every piece of learner text passes through here before it is shown as HTML.

Widgets build HTML strings for ipywidgets.HTML; a learner who types `<script>` or a stray `<` must
see exactly what they typed, never markup.
"""

from __future__ import annotations

import html

MAX_DISPLAY_CHARS = 4000


def escape(text: object, limit: int = MAX_DISPLAY_CHARS) -> str:
    """Escape any value for HTML, shortening very long text so a page stays usable."""
    value = "" if text is None else str(text)
    if len(value) > limit:
        value = value[:limit] + " … (shortened)"
    return html.escape(value, quote=True)
