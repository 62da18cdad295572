"""JupyterHub for a jconcur course on one machine: the Hub and its proxy on loopback (or the address you give),
one Jupyter server per student started as a local process, JupyterLab as the default view.

    hub/node_modules/.bin/configurable-http-proxy  (cd hub && npm ci)   the proxy JupyterHub starts
    .venv/bin/jupyterhub -f hub/jupyterhub_config.py                     the Hub

Settings come from the environment, so the same file serves a course and the test
(kernel/src/test/python/test_hub.py) that runs it with three students:

    JCONCUR_HUB_IP            where the proxy listens (default 127.0.0.1)
    JCONCUR_HUB_PORT          its port (default 8000); the Hub's own API and the proxy's API take the next two
    JCONCUR_HUB_DATA          where the Hub keeps its database and cookie secret (default hub/data)
    JCONCUR_HUB_SPAWNER       "local" (default): one system user per student, as JupyterHub's LocalProcessSpawner
                              does; "simple": every server runs as the Hub's user with home /tmp/<name>
                              (JupyterHub's SimpleLocalProcessSpawner: for tests only, no isolation at all)
    JCONCUR_HUB_ADMIN_TOKEN   if set, an API token of a service "course-admin" that may create students and
                              start and use their servers (what the test and bench/hub-course.sh use)

The kernelspec "jconcur" must be visible to the students' servers: install it system-wide or with
`dev/setup.sh --sys-prefix` into the environment that runs `jupyterhub-singleuser`; JUPYTER_PATH is passed on.
"""

import os
import sys

c = get_config()  # noqa: F821 (defined by JupyterHub when it loads this file)

here = os.path.dirname(os.path.abspath(__file__))
ip = os.environ.get("JCONCUR_HUB_IP", "127.0.0.1")
port = int(os.environ.get("JCONCUR_HUB_PORT", "8000"))
data = os.environ.get("JCONCUR_HUB_DATA", os.path.join(here, "data"))
os.makedirs(data, exist_ok=True)

c.JupyterHub.ip = ip
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = port + 1
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%d" % (port + 2)
c.ConfigurableHTTPProxy.command = [os.path.join(here, "node_modules", ".bin", "configurable-http-proxy")]
c.JupyterHub.db_url = "sqlite:///" + os.path.join(data, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(data, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(data, "jupyterhub.pid")

# Each student's server: the jupyterhub-singleuser of this Python environment, JupyterLab first.
c.Spawner.cmd = [os.path.join(os.path.dirname(sys.executable), "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
# A JVM kernel and a Jupyter server start in seconds, more while a whole class logs in at once.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "JAVA_HOME", "JUPYTER_PATH", "JCONCUR_USER_VM_OPTS"]

if os.environ.get("JCONCUR_HUB_SPAWNER", "local") == "simple":
    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.JupyterHub.authenticator_class = "dummy"
    if os.geteuid() == 0:
        # Every server then runs as root, which Jupyter refuses unless told.
        c.Spawner.args = ["--ServerApp.allow_root=True"]

token = os.environ.get("JCONCUR_HUB_ADMIN_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "course-admin", "api_token": token}]
    c.JupyterHub.load_roles = [{
        "name": "course-admin",
        "scopes": ["admin:users", "admin:servers", "access:servers"],
        "services": ["course-admin"],
    }]
