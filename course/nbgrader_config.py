"""nbgrader settings shared by every use of this course.

`facilitator-course build` reads this file to turn solutions/ into modules/, and a trainer's
course directory (created by `facilitator-course release`) loads it so grading uses the same
settings. Paths (CourseDirectory.root, Exchange.root) are set by those commands, never here.
"""

c = get_config()  # noqa: F821  (provided by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "facilitator-course"

# Learners are not programmers: a blank answer is an empty pair of quotes with an instruction,
# not `raise NotImplementedError()`, so every learner notebook runs from top to bottom. The quotes
# open and close on lines of their own, with an empty line between for the answer: an answer that
# ends in a quote (`she said "no"`) never touches the closing quotes, where `"no""""` would be a
# SyntaxError in JupyterLab and an unreadable answer to the grader. Every line is indented like the
# BEGIN SOLUTION line it replaces (nbgrader does that), so the blank line holds only that indent.
c.ClearSolutions.code_stub = {"python": '"""\n\n"""  # ✏️ type your answer between the quotes'}
c.ClearSolutions.text_stub = "✏️ Type your answer here."

# A graded notebook runs a handful of short checks; a minute per cell leaves room for a slow
# machine while still stopping a stuck kernel.
c.Execute.timeout = 60

# Keep tracebacks in feedback short; learners read them.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 20
