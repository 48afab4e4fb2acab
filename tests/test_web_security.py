"""The web app never serves instructor notebooks, answers or grading data."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

SECRET_MARKERS = ("BEGIN SOLUTION", "HIDDEN TESTS", "MARK SCHEME", "correct=")

FORBIDDEN = [
    "/voila/render/../solutions/00-orientation/01-exercise.ipynb",
    "/voila/render/%2E%2E/solutions/00-orientation/01-exercise.ipynb",
    "/voila/render/..%2Fsolutions%2F00-orientation%2F01-exercise.ipynb",
    "/voila/render/solutions/00-orientation/01-exercise.ipynb",
    "/voila/files/../solutions/00-orientation/01-exercise.ipynb",
    "/voila/files/%2E%2E/solutions/00-orientation/01-exercise.ipynb",
    "/voila/files/00-orientation/01-exercise.ipynb",
    "/voila/files/../course/nbgrader_config.py",
    "/voila/files/../course/course.yml",
    "/voila/static/../../solutions/00-orientation/01-exercise.ipynb",
    "/api/contents/",
    "/api/contents/../solutions",
    "/files/../solutions/00-orientation/01-exercise.ipynb",
    "/voila/render/gradebook.db",
    "/voila/files/gradebook.db",
    "/notebooks/../solutions/00-orientation/01-exercise.ipynb",
    "/lab",
    "/tree/../solutions",
]


def _get(base: str, path: str) -> tuple[int, str]:
    """Send the path exactly as written (no client-side normalisation of '..')."""
    host = urlsplit(base)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.mark.parametrize("path", FORBIDDEN)
def test_instructor_material_is_refused(voila_url, path):
    status, body = _get(voila_url, path)
    assert status in (301, 302, 400, 403, 404, 405), (status, body[:300])
    for marker in SECRET_MARKERS:
        assert marker not in body


def test_learner_pages_are_served_without_answers(voila_url):
    status, body = _get(voila_url, "/voila/render/00-orientation/01-exercise.ipynb")
    assert status == 200
    for marker in SECRET_MARKERS:
        assert marker not in body
