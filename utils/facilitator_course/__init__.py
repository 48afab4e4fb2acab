"""An interactive training course for volunteer facilitators of SMART Recovery-style meetings.

The course is independent and is not endorsed by SMART Recovery. Everything the notebooks do is
implemented here so it can be tested without a browser; notebooks only import and call.
"""

__version__ = "0.1.0"

INDEPENDENCE_NOTE = (
    "This course is an independent, open-source project. It is not produced, approved or "
    "endorsed by SMART Recovery; SMART Recovery and the 4-Point Program are their owners' marks."
)
