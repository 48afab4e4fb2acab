"""JupyterHub for one cohort on one server: real Unix users, the course home as each trainee's page.

Why this shape (see course/docs/hub-deployment.md):
- Real Unix users with LocalProcessSpawner: every trainee's server runs with their own uid, so
  nbgrader names each submission after its owner and a trainee cannot read another's home (homes
  are mode 0700). The "simple" spawner runs everyone as root and loses submissions.
- Trainees land on the Voilà course home (no code visible); JupyterLab is one click away
  (the "JupyterLab" link in the hub's top bar, or /user/<name>/lab).
- The trainer lands on nbgrader's formgrader in its own tab: JupyterHub 4.1+ forbids framing
  user pages, so the formgrader inside JupyterLab's iframe would be blank.
- Idle kernels are culled inside each server, and jupyterhub-idle-culler stops servers left idle.

Everything site-specific comes from environment variables, so this file is used as shipped:
  FACILITATOR_HUB_PYTHON   the shared Python every user runs (a venv outside /root, readable by all)
  FACILITATOR_HUB_COURSE   the built learner notebooks (the repository's modules/ folder)
  FACILITATOR_HUB_STATE    where the hub keeps its database and cookie secret (root-only)
  FACILITATOR_HUB_TRAINERS / FACILITATOR_HUB_TRAINEES   comma-separated Unix user names
  FACILITATOR_HUB_ADMINS   hub administrators (not the trainer: admins can open any server)
  FACILITATOR_HUB_PASSWORD shared password (or replace the authenticator by PAM/OAuth)
  FACILITATOR_HUB_PROXY    the configurable-http-proxy executable (from npm)
  FACILITATOR_HUB_IP / FACILITATOR_HUB_PORT   public address (default 127.0.0.1:8000;
                           put a TLS-terminating reverse proxy in front for a real cohort)
  FACILITATOR_HUB_API_TOKEN  optional token for an admin service (used by the tests)
  FACILITATOR_HUB_JUPYTER_CONFIG  optional folder holding the shared nbgrader_config.py
"""

from __future__ import annotations

import os
import pwd
import shutil
from pathlib import Path

c = get_config()  # noqa: F821  (provided by traitlets when JupyterHub loads this file)

env = os.environ.get
PYTHON = env("FACILITATOR_HUB_PYTHON", "/opt/facilitator-course/venv/bin/python")
COURSE = env("FACILITATOR_HUB_COURSE", "/opt/facilitator-course/repo/modules")
STATE = Path(env("FACILITATOR_HUB_STATE", "/srv/jupyterhub"))
TRAINERS = {u for u in env("FACILITATOR_HUB_TRAINERS", "").split(",") if u}
TRAINEES = {u for u in env("FACILITATOR_HUB_TRAINEES", "").split(",") if u}
COURSE_LINK = "course"  # ~/course -> COURSE in each user's home
TRAINEE_URL = f"/voila/render/{COURSE_LINK}/home.ipynb"
TRAINER_URL = "/formgrader"
TRAINER_FOLDER = "cohort"  # the trainer's course folder: ~/cohort
IDLE_KERNEL_S = 20 * 60
IDLE_SERVER_S = 60 * 60

c.JupyterHub.ip = env("FACILITATOR_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env("FACILITATOR_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("FACILITATOR_HUB_INTERNAL_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{int(env('FACILITATOR_HUB_PROXY_API_PORT', '8001'))}"
)
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.command = [
    env("FACILITATOR_HUB_PROXY")
    or shutil.which("configurable-http-proxy")
    or "configurable-http-proxy"
]

# --- who may log in ------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env("FACILITATOR_HUB_PASSWORD", "")
c.Authenticator.allowed_users = TRAINERS | TRAINEES
# Hub admins can open anyone's server as that user, so the trainer is NOT one by default: the
# trainer sees trainees' work only through what they hand in. Admins: the system administrator.
c.Authenticator.admin_users = {u for u in env("FACILITATOR_HUB_ADMINS", "").split(",") if u}

# --- each user's own server, as their own Unix user ----------------------------------------
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [PYTHON, "-m", "jupyterhub.singleuser"]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = TRAINEE_URL
HERE = Path(__file__).resolve().parent
c.Spawner.environment = {
    "PATH": f"{Path(PYTHON).parent}:/usr/local/bin:/usr/bin:/bin",
    # the course's Voilà page template (jupyter-data/voila/templates/facilitator, its index.html.j2
    # a symlink to the package's data/web/index.html.j2, one source): Voilà's lab page without its
    # Font Awesome links to a public CDN, with the skip link, main landmark and accessibility script
    "JUPYTER_PATH": str(HERE / "jupyter-data"),
    # the course repository (this file is its course/hub/): `facilitator-course` finds it anywhere
    "FACILITATOR_COURSE_ROOT": str(HERE.parents[1]),
}
if env("FACILITATOR_EXCHANGE"):  # read by the shared nbgrader_config.py
    c.Spawner.environment["FACILITATOR_EXCHANGE"] = env("FACILITATOR_EXCHANGE")
if env("FACILITATOR_HUB_JUPYTER_CONFIG"):
    c.Spawner.environment["JUPYTER_CONFIG_PATH"] = env("FACILITATOR_HUB_JUPYTER_CONFIG")
c.Spawner.args = [
    # Lab terminals start bash without -l, so /etc/profile does not drop the course's Python.
    "--ServerApp.terminado_settings={'shell_command': ['/bin/bash']}",
    # A kernel nobody has used for 20 minutes is stopped (a Voilà page or notebook left open).
    f"--MappingKernelManager.cull_idle_timeout={IDLE_KERNEL_S}",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=True",
    "--VoilaConfiguration.template=facilitator",
    # Learners never see Python tracebacks; the widgets report problems in plain words.
    "--VoilaConfiguration.show_tracebacks=False",
]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
c.Spawner.mem_limit = None  # LocalProcessSpawner cannot enforce one; see the deployment guide


def link_course_and_choose_page(spawner) -> None:
    """Give the user ~/course (the course notebooks, read-only) and their landing page.

    Why: Voilà renders notebooks inside the user's own root folder, so the shared course must
    appear there; a symlink keeps one copy for everyone and updates with the repository.
    """
    name = spawner.user.name
    home = Path(pwd.getpwnam(name).pw_dir)
    link = home / COURSE_LINK
    if not link.exists() and not link.is_symlink():
        link.symlink_to(COURSE)
        os.lchown(link, pwd.getpwnam(name).pw_uid, pwd.getpwnam(name).pw_gid)
    spawner.default_url = TRAINER_URL if name in TRAINERS else TRAINEE_URL
    if name in TRAINERS:
        # `facilitator-course` commands and the formgrader (via the shared nbgrader_config.py)
        # both find the cohort's folder without --course-dir.
        spawner.environment = dict(
            spawner.environment, FACILITATOR_COURSE_DIR=str(home / TRAINER_FOLDER)
        )


c.Spawner.pre_spawn_hook = link_course_and_choose_page

# A "JupyterLab" and a "Course home" link in the hub's top bar: JupyterLab is one click away.
c.JupyterHub.template_paths = [str(HERE / "templates")]

# --- stop servers left idle (frees each server's ~110 MB and its kernels) -------------------
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
]
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [PYTHON, "-m", "jupyterhub_idle_culler", f"--timeout={IDLE_SERVER_S}"],
    },
]
if env("FACILITATOR_HUB_API_TOKEN"):
    c.JupyterHub.services.append(
        {"name": "course-admin", "api_token": env("FACILITATOR_HUB_API_TOKEN")}
    )
    c.JupyterHub.load_roles.append(
        {
            "name": "course-admin",
            "scopes": ["admin:users", "admin:servers", "access:servers"],
            "services": ["course-admin"],
        }
    )
