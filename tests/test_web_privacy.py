"""The web app talks to nobody but the learner's own tab.

- Requests whose Host or Origin is not this server are refused (DNS rebinding: a page on another
  site whose name is made to point at 127.0.0.1 must not read or overwrite a learner's drafts).
- No page asks any host but the server itself for anything (no CDN: Font Awesome, mermaid).
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from conftest import CHROMIUM, CHROMIUM_ARGS
from facilitator_course.voila_app import (
    content_security_policy,
    forget_stopped_pages,
    is_own_request,
)

pytestmark = pytest.mark.browser

HOME = "/voila/render/home.ipynb"
LESSON = "/voila/render/00-orientation/00-lesson.ipynb"


def _request(base: str, path: str, headers: dict[str, str]) -> tuple[int, str]:
    """One GET with exactly these headers (http.client sends Host itself unless given one)."""
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        conn.putrequest("GET", path, skip_host="Host" in headers, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def _port(base: str) -> int:
    return urlsplit(base).port or 80


# --- the check itself, without a server ------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "own"),
    [
        ({"Host": "127.0.0.1:8866"}, True),
        ({"Host": "localhost:8866"}, True),
        ({"Host": "LOCALHOST:8866", "Origin": "http://127.0.0.1:8866"}, True),
        ({"Host": "127.0.0.1:8866", "Origin": "http://localhost:8866"}, True),
        ({"Host": "evil.example:8866"}, False),
        ({"Host": "127.0.0.1:8866.evil.example"}, False),
        ({"Host": "127.0.0.1"}, False),  # another port's server (or a rebinding on :80)
        ({"Host": "127.0.0.1:9999"}, False),
        ({}, False),
        ({"Host": "127.0.0.1:8866", "Origin": "http://evil.example"}, False),
        ({"Host": "127.0.0.1:8866", "Origin": "null"}, False),
        ({"Host": "127.0.0.1:8866", "Origin": "https://127.0.0.1:8866"}, False),
        ({"Host": "127.0.0.1:8866", "Origin": "http://127.0.0.1:9999"}, False),
        # another site's page embedding or fetching a course URL (no Origin on these)
        (
            {"Host": "127.0.0.1:8866", "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"},
            False,
        ),
        (
            {"Host": "127.0.0.1:8866", "Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "no-cors"},
            False,
        ),
        # ... but a link to the course followed from elsewhere opens it
        (
            {
                "Host": "127.0.0.1:8866",
                "Sec-Fetch-Site": "cross-site",
                "Sec-Fetch-Mode": "navigate",
                "Sec-Fetch-Dest": "document",
            },
            True,
        ),
        # ... though not as a frame inside the other page
        (
            {
                "Host": "127.0.0.1:8866",
                "Sec-Fetch-Site": "cross-site",
                "Sec-Fetch-Mode": "navigate",
                "Sec-Fetch-Dest": "iframe",
            },
            False,
        ),
        (
            {"Host": "127.0.0.1:8866", "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors"},
            True,
        ),
        ({"Host": "127.0.0.1:8866", "Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate"}, True),
    ],
)
def test_only_requests_addressed_to_this_server_are_its_own(headers, own):
    assert is_own_request(headers, 8866) is own


def test_notebooks_kept_for_pages_whose_kernel_stopped_are_dropped():
    """A page fetched without a browser never asks for its cells to run; Voilà would keep its
    notebook for good (progressive rendering), one more each time."""
    pending = {"running": {"nb": 1}, "stopped": {"nb": 2}}
    forget_stopped_pages(pending, ["running", "another"])
    assert pending == {"running": {"nb": 1}}


def test_the_page_policy_allows_no_other_host():
    policy = content_security_policy(8866)
    assert "frame-ancestors 'self'" in policy
    sources = " ".join(part for part in policy.split(";") if "connect-src" in part)
    assert set(re.findall(r"ws://\S+", sources)) == {"ws://127.0.0.1:8866", "ws://localhost:8866"}
    assert "*" not in policy and "https:" not in policy and "http:" not in policy


def test_start_refuses_a_negative_page_limit_in_plain_words():
    from conftest import run_cli

    code, _, err = run_cli(["start", "--max-pages", "-1"])
    assert code == 2 and "--max-pages should be 0 (no limit) or more" in err


# --- real HTTP requests to the server `facilitator-course start` runs ------------------------


def test_pages_are_served_to_the_learners_own_address(voila_url):
    port = _port(voila_url)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        status, body = _request(voila_url, HOME, {"Host": host})
        assert status == 200, (host, body[:300])
    status, _ = _request(
        voila_url, LESSON, {"Host": f"127.0.0.1:{port}", "Origin": f"http://127.0.0.1:{port}"}
    )
    assert status == 200


@pytest.mark.parametrize(
    "path",
    [HOME, LESSON, "/voila/static/voila.js", "/voila/api/contents/", "/", "/voila/tree"],
)
@pytest.mark.parametrize(
    "forged",
    [
        {"Host": "rebound.example:{port}"},
        {"Host": "rebound.example"},
        {"Host": "127.0.0.1:{port}", "Origin": "http://rebound.example:{port}"},
        {"Host": "rebound.example:{port}", "Origin": "http://rebound.example:{port}"},
        {"Host": "127.0.0.1:{port}", "Origin": "null"},
        {"Host": "127.0.0.1:{port}", "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"},
    ],
)
def test_requests_for_another_address_are_refused(voila_url, path, forged):
    port = _port(voila_url)
    headers = {name: value.format(port=port) for name, value in forged.items()}
    status, body = _request(voila_url, path, headers)
    assert status == 403, (headers, status, body[:300])
    assert "fc-course-map" not in body and "voila.js" not in body


def _kernel_id(body: str) -> str:
    found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', body)
    assert found, "no kernel id in the rendered page"
    return found.group(1)


# A page's two sockets: the kernel's, and the one that has its cells run (progressive rendering)
SOCKETS = ("/api/kernels/{}/channels", "/voila/execution/{}")


def _websocket_status(
    base: str, kernel_id: str, host: str, origin: str, path: str = SOCKETS[0]
) -> int:
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        conn.putrequest("GET", path.format(kernel_id), skip_host=True)
        for name, value in {
            "Host": host,
            "Origin": origin,
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
        }.items():
            conn.putheader(name, value)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.parametrize("socket", SOCKETS)
def test_a_kernel_socket_opens_only_for_the_learners_own_page(voila_url, socket):
    """The kernel socket is how a page reads and writes a learner's drafts through the kernel;
    the execution socket has the page's cells run in it."""
    port = _port(voila_url)
    own = f"127.0.0.1:{port}"
    status, body = _request(voila_url, LESSON, {"Host": own})
    assert status == 200
    kernel = _kernel_id(body)
    rebound = "http://rebound.example:1"
    assert _websocket_status(voila_url, kernel, "rebound.example:1", rebound, socket) == 403
    assert _websocket_status(voila_url, kernel, own, "http://rebound.example", socket) == 403
    assert _websocket_status(voila_url, kernel, own, f"http://{own}", socket) == 101


# --- in Chromium ------------------------------------------------------------------------------


def _record_requests(
    page, base: str, paths: list[str], ready: dict[str, str], console: list[str]
) -> list[str]:
    seen: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.on("request", lambda request: seen.append(request.url))
    page.on("websocket", lambda socket: seen.append(socket.url))
    for path in paths:
        page.goto(base + path)
        page.locator(ready[path]).first.wait_for(state="visible", timeout=90_000)
        page.wait_for_load_state("networkidle", timeout=60_000)
    return seen


def test_no_page_asks_another_host_for_anything(page, voila_url):
    own = urlsplit(voila_url).netloc
    ready = {HOME: "table.fc-course-map", LESSON: "text=Check my answers"}
    console: list[str] = []
    seen = _record_requests(page, voila_url, [HOME, LESSON], ready, console)
    assert len(seen) > 20, seen  # the pages really loaded their scripts, styles and kernel socket
    assert any(url.startswith("ws://") for url in seen), "no kernel socket: widgets did not run"
    elsewhere = [
        url
        for url in seen
        if urlsplit(url).scheme not in ("data", "blob") and (urlsplit(url).netloc != own)
    ]
    assert elsewhere == [], f"{len(elsewhere)} request(s) left the machine: {elsewhere[:10]}"
    # the page policy blocks nothing the course itself needs
    assert not [line for line in console if "Content Security Policy" in line], console


def test_a_rebound_name_gets_nothing_in_the_browser(browser, voila_url):
    """DNS rebinding in a real browser: another site's name resolving to 127.0.0.1."""
    port = _port(voila_url)
    rules = "--host-resolver-rules=MAP rebound.example 127.0.0.1"
    rebinding = browser.browser_type.launch(
        executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, rules]
    )
    try:
        page = rebinding.new_page()
        statuses: list[int] = []
        page.on("response", lambda response: statuses.append(response.status))
        try:  # Chromium shows its own error page for a 403 with an empty body
            page.goto(f"http://rebound.example:{port}{LESSON}")
        except PlaywrightError as exc:
            assert "ERR_HTTP_RESPONSE_CODE_FAILURE" in str(exc)
        assert statuses == [403]
        own = rebinding.new_page().goto(f"http://127.0.0.1:{port}{HOME}")
        assert own is not None and own.status == 200  # same browser, the learner's address
    finally:
        rebinding.close()


def _kernel_alive(base: str, kernel_id: str) -> bool:
    own = urlsplit(base).netloc
    status, _ = _request(base, f"/api/kernels/{kernel_id}", {"Host": own})
    assert status in (200, 404), status
    return status == 200


def test_leaving_a_page_stops_its_kernel(page, voila_url):
    """Voilà's page asks the server to stop its kernel as it unloads; without the page's _xsrf
    cookie that request was refused (403) and every closed tab left ~60 MB behind."""
    page.goto(voila_url + LESSON)
    page.get_by_role("button", name="Check my answers").wait_for(timeout=90_000)
    kernel = _kernel_id(page.content())
    assert _kernel_alive(voila_url, kernel)
    page.goto("about:blank")
    deadline = time.monotonic() + 20
    while _kernel_alive(voila_url, kernel) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _kernel_alive(voila_url, kernel), "the kernel outlived its page by 20 s"


def test_pages_beyond_the_limit_ask_the_learner_to_close_a_tab(course, tmp_path):
    """Each page is a kernel of about 60 MB: past `--max-pages` the learner is told what to do
    instead of the machine running out of memory. Tree and error pages load nothing remote."""
    from conftest import served_voila

    with served_voila(course.modules_dir, tmp_path, max_pages=2) as base:
        own = {"Host": urlsplit(base).netloc}
        remote = re.compile(r"(?:src|href)=\"(?:https?:)?//")
        for path in ("/", "/voila/tree/00-orientation", "/voila/render/missing.ipynb"):
            status, body = _request(base, path, own)
            assert status in (200, 404), (path, status)
            assert not remote.search(body), (path, body[:500])
        assert [_request(base, LESSON, own)[0] for _ in range(2)] == [200, 200]
        status, body = _request(base, LESSON, own)
        assert status == 503
        assert "already has 2 pages open" in body and "Close a course tab" in body
        assert not remote.search(body)


def test_another_sites_page_cannot_use_the_course(browser, voila_url):
    """A page on another site tries what a hostile page would: embed a course page, fetch one
    with and without CORS, and open the learner's kernel socket. The attacker's name resolves to
    this machine (as after DNS rebinding), so Chromium's own guard against public sites reaching
    localhost does not step in and only the server's checks stand in the way."""
    import http.server
    import threading

    kernel = _kernel_id(_request(voila_url, LESSON, {"Host": urlsplit(voila_url).netloc})[1])
    lesson = voila_url + LESSON
    socket = voila_url.replace("http://", "ws://") + f"/api/kernels/{kernel}/channels"
    attack = f"""<!doctype html><title>elsewhere</title>
<a id="go" href="{lesson}">the course</a><img src="{lesson}"><iframe src="{lesson}"></iframe>
<script>
window.results = {{}};
fetch("{lesson}").then(r => r.text()).then(t => results.cors = t.length, e => results.cors = "refused");
fetch("{lesson}", {{mode: "no-cors"}}).then(() => results.nocors = "sent", () => results.nocors = "refused");
const ws = new WebSocket("{socket}");
ws.onopen = () => results.socket = "open";
ws.onerror = () => results.socket = "refused";
</script>""".encode()

    class Attacker(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(attack)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rules = "--host-resolver-rules=MAP othersite.example 127.0.0.1"
    other = browser.browser_type.launch(
        executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, rules]
    )
    try:
        page = other.new_page()
        statuses: list[int] = []
        page.on("response", lambda r: LESSON in r.url and statuses.append(r.status))
        page.goto(f"http://othersite.example:{server.server_address[1]}/")
        page.wait_for_function(
            "window.results.cors && window.results.nocors && window.results.socket"
        )
        page.wait_for_timeout(1000)
        results = page.evaluate("window.results")
        assert results["cors"] == "refused" and results["socket"] == "refused", results
        assert statuses and set(statuses) == {403}, statuses  # the frame and the image
        with page.expect_navigation() as followed:  # a plain link to the course still opens it
            page.click("#go")
        assert followed.value is not None and followed.value.status == 200
    finally:
        other.close()
        server.shutdown()
    assert _kernel_alive(voila_url, kernel)  # the learner's own kernel was not touched
