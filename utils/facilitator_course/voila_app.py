"""The Voilà server a learner runs, locked to the learner's own browser tab.

Voilà 0.5 sets `allow_remote_access=True` for every request, so any page on the web could reach
the course through DNS rebinding (a name that first points at the attacker, then at 127.0.0.1):
it could read and overwrite a learner's saved drafts through a kernel. Here every handler,
the static files included, first checks that the request is addressed to this server (`Host`
is 127.0.0.1 or localhost on our port) and, when the browser says where it comes from
(`Origin`), that it comes from this server too; anything else gets 403 before a kernel starts.

Voilà's page templates link Font Awesome from a public CDN although Voilà's own bundle
(`voila-style.js`) already carries it; the templates in data/web drop those links so that no
page makes a request off the machine. Rendered pages also fix Voilà's kernel shutdown on tab
close and stop at `max_kernels` running pages (see _CoursePage).

Run as `python -m facilitator_course.voila_app MODULES_DIR --port=N ...` (see web.py).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from tornado import web
from traitlets import Integer
from voila.app import Voila
from voila.tornado.execution_request_handler import ExecutionRequestHandler
from voila.tornado.handler import TornadoVoilaHandler

TEMPLATE_DIR = Path(__file__).resolve().parent / "data" / "web"
LOCAL_NAMES = ("127.0.0.1", "localhost")


def served_hosts(port: int) -> frozenset[str]:
    """The `Host` values a browser sends for this server (always with the port: not 80)."""
    return frozenset({f"{name}:{port}" for name in LOCAL_NAMES})


def served_origins(port: int) -> frozenset[str]:
    return frozenset(f"http://{host}" for host in served_hosts(port))


def is_own_request(headers: Any, port: int) -> bool:
    """True when `Host` names this server, `Origin` (if sent) is this server, and a request
    another site's page makes is at most a link followed to the course.

    Browsers send Origin on cross-site fetches, form posts and WebSockets, but not on an
    `<img>`/`<script>` or a no-cors fetch; those carry `Sec-Fetch-Site: cross-site` (or
    `same-site` from another port of this machine) and are refused unless they are a top-level
    navigation (a link to the course in an e-mail or an LMS must still open it; a frame inside
    the other page must not, as it would start a kernel for that page). A request
    without these headers comes from a script on this machine, which needs no browser trick.
    """
    host = (headers.get("Host") or "").strip().lower()
    if host not in served_hosts(port):
        return False
    origin = headers.get("Origin")
    if origin is not None and origin.strip().lower() not in served_origins(port):
        return False
    site = (headers.get("Sec-Fetch-Site") or "").strip().lower()
    if site in ("cross-site", "same-site"):
        mode = (headers.get("Sec-Fetch-Mode") or "").strip().lower()
        dest = (headers.get("Sec-Fetch-Dest") or "").strip().lower()
        return mode == "navigate" and dest == "document"  # not a frame in the other page
    return True


def content_security_policy(port: int) -> str:
    """The browser itself refuses to load or send anything to another host, and no other site
    may frame the course (clicks could be steered in a hidden frame). Voilà's pages need inline
    scripts and styles, eval (widget code), data:/blob: fonts and images, and the kernel socket."""
    sockets = " ".join(f"ws://{host}" for host in sorted(served_hosts(port)))
    return (
        "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; "
        f"connect-src 'self' {sockets}; "
        "frame-ancestors 'self'; form-action 'self'; base-uri 'self'"
    )


class _OwnAddressOnly:
    """Mixed in front of every Voilà handler: refuse what is not addressed to this server."""

    request: Any
    settings: dict[str, Any]
    xsrf_token: bytes

    def prepare(self, *args: Any, **kwargs: Any) -> Any:
        if not is_own_request(self.request.headers, self.settings["facilitator_course_port"]):
            raise web.HTTPError(403, "request not addressed to this course server")
        return super().prepare(*args, **kwargs)  # type: ignore[misc]


class _CoursePage(_OwnAddressOnly):
    """What a rendered page (one new kernel each) adds to the address check.

    - The page hands the browser its `_xsrf` cookie. When a tab closes, Voilà's page posts
      `voila/api/shutdown/<kernel>` with the `_xsrf` value read from that cookie; Voilà 0.5 never
      set it, so every such request got 403 and the kernel (about 60 MB) lived on until culled.
    - No page starts a kernel beyond `max_kernels`: the learner is told to close a tab instead
      of the machine running out of memory (a restored session of many tabs, a stuck reload).
    - With progressive rendering Voilà keeps each page's notebook until the page's script asks
      for its cells to run, and never drops it if that never happens (a page fetched without a
      browser, a tab closed at once). Those of pages whose kernel has stopped are dropped here.
    """

    kernel_manager: Any

    async def prepare(self, *args: Any, **kwargs: Any) -> None:
        result = super().prepare(*args, **kwargs)
        if inspect.isawaitable(result):
            await result
        if self.request.method != "GET":
            return
        self.xsrf_token  # noqa: B018 - reading the property sets the cookie
        running = self.kernel_manager.list_kernel_ids()
        forget_stopped_pages(ExecutionRequestHandler._execution_data, running)
        limit = self.settings["facilitator_course_max_kernels"]
        if limit and len(running) >= limit:
            raise web.HTTPError(
                503,
                f"{limit} course pages already running",
                reason=(
                    f"The course already has {limit} pages open, as many as it is set to run "
                    "at once. Close a course tab you no longer need, then reload this page"
                ),
            )


def forget_stopped_pages(pending: dict[str, Any], running_kernels: list[str]) -> None:
    """Drop the notebooks kept for pages whose kernel no longer runs (their cells never will)."""
    for kernel_id in [kernel_id for kernel_id in pending if kernel_id not in running_kernels]:
        pending.pop(kernel_id, None)


def _guarded(handler: type) -> type:
    guard = _CoursePage if issubclass(handler, TornadoVoilaHandler) else _OwnAddressOnly
    return type(f"OwnAddress{handler.__name__}", (guard, handler), {})


class CourseVoila(Voila):
    """Voilà with the address check on every route and the CDN-free page template."""

    name = "voila"
    max_kernels = Integer(
        25,
        config=True,
        help="Most pages (kernels, about 60 MB each) running at once; 0 for no limit.",
    )

    def setup_template_dirs(self) -> None:
        super().setup_template_dirs()
        # Searched first: our index.html.j2 (extending Voilà's lab page) and page.html (tree and
        # error pages) replace Voilà's, which link Font Awesome from a CDN.
        self.template_paths = [str(TEMPLATE_DIR), *self.template_paths]

    def init_settings(self) -> dict[str, Any]:
        settings = super().init_settings()
        settings.update(
            # jupyter-server's own check (loopback or 'localhost' only) as a second line
            allow_remote_access=False,
            local_hostnames=["localhost"],
            facilitator_course_port=self.port,
            facilitator_course_max_kernels=self.max_kernels,
            headers={"Content-Security-Policy": content_security_policy(self.port)},
            xsrf_cookie_kwargs={"samesite": "Strict"},
        )
        return settings

    def init_handlers(self) -> list:
        return [(route[0], _guarded(route[1]), *route[2:]) for route in super().init_handlers()]


main = CourseVoila.launch_instance

if __name__ == "__main__":
    main()
