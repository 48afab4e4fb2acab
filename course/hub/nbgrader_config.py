"""nbgrader settings every user on the hub shares: where the exchange is, which course.

Install as /etc/jupyter/nbgrader_config.py (or <shared venv>/etc/jupyter/nbgrader_config.py), so
trainees' fetch and submit (Lab's Assignments panel or `nbgrader fetch_assignment`) and the
trainer's `facilitator-course release/collect/feedback --exchange` meet in the same folder.

The exchange folder itself is made by `setup-exchange.sh` (root-owned, mode 1777). nbgrader then
creates, as the trainer who releases first: <course>/outbound (755, trainees read), inbound
(2733: trainees can hand in but cannot list each other's submissions) and feedback (711:
files named by a hash of each submission, so a trainee finds only their own).
"""

import os

c = get_config()  # noqa: F821  (provided by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "facilitator-course"
c.Exchange.root = os.environ.get("FACILITATOR_EXCHANGE", "/srv/nbgrader/exchange")
# One course per hub: no JupyterHub course groups are needed (nbgrader's default auth plugin
# shows every course in the exchange, and there is only this one).
c.Exchange.path_includes_course = False
# The trainer's formgrader grades the cohort's folder (~/cohort; the hub sets this variable for
# trainers only). Trainees never have it, so their fetch and submit work in their own folder.
if os.environ.get("FACILITATOR_COURSE_DIR"):
    c.CourseDirectory.root = os.environ["FACILITATOR_COURSE_DIR"]
