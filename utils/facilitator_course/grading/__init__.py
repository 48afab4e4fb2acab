"""Trainer workflow on top of nbgrader's API: course folders, cohort autograding, reports."""
