"""A jconcur course on one machine, driven through JupyterHub as a class would use it: the Hub from
hub/jupyterhub_config.py on loopback, N students created, their servers started by a local-process spawner, a
jconcur kernel started in each server through its REST API, and the first code cells of chapter 1 run in every
kernel at the same time over the kernels' websockets. Reports each student's run time and responsiveness and
the resident memory of each student's processes (server, kernel JVM, user VM). test_hub runs it with 3
students; bench/hub-course.sh with 10:

    .venv/bin/python kernel/src/test/python/hub_course.py --students 10
"""

import argparse
import glob
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import websocket
from jupyter_client.jsonutil import json_default
from jupyter_client.session import Session

from process_tree import descendants, rss_mb

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
HUB_CONFIG = os.path.join(ROOT, "hub", "jupyterhub_config.py")
PROXY = os.path.join(ROOT, "hub", "node_modules", ".bin", "configurable-http-proxy")
TIMEOUT = 300


def free_port_block(size=3):
    """A port p with p .. p+size-1 free on loopback (the proxy, the Hub's API, the proxy's API)."""
    for _ in range(100):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + size > 65535:
            continue
        try:
            held = []
            for port in range(base, base + size):
                s = socket.socket()
                held.append(s)
                s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for s in held:
                s.close()
    raise RuntimeError("no block of %d free ports on 127.0.0.1" % size)


def chapter_one_cells(count):
    notebook = sorted(glob.glob(os.path.join(ROOT, "notebooks", "01-*.ipynb")))[0]
    with open(notebook, encoding="utf-8") as f:
        cells = [c for c in json.load(f)["cells"] if c["cell_type"] == "code"]
    return ["".join(c["source"]) for c in cells[:count]]


class Hub:
    """JupyterHub started from hub/jupyterhub_config.py with a service token that may run the course."""

    def __init__(self, scratch, jupyter_path):
        if not os.access(PROXY, os.X_OK):
            raise RuntimeError("%s is missing: run `npm ci` in hub/ (dev/setup.sh --test does)" % PROXY)
        self.port = free_port_block()
        self.token = secrets.token_hex(16)
        self.url = "http://127.0.0.1:%d" % self.port
        env = dict(os.environ, JCONCUR_HUB_PORT=str(self.port), JCONCUR_HUB_DATA=os.path.join(scratch, "hub"),
                   JCONCUR_HUB_SPAWNER="simple", JCONCUR_HUB_ADMIN_TOKEN=self.token, JUPYTER_PATH=jupyter_path)
        self.log_path = os.path.join(scratch, "jupyterhub.log")
        self.log = open(self.log_path, "w")
        hub = os.path.join(os.path.dirname(sys.executable), "jupyterhub")
        self.process = subprocess.Popen([hub, "-f", HUB_CONFIG], env=env, cwd=scratch, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self._wait(lambda: self.api("GET", "/hub/api/") is not None, "the Hub to answer")

    def _wait(self, ready, what, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("JupyterHub exited (%s) while waiting for %s:\n%s" % (
                    self.process.returncode, what, self.tail()))
            try:
                if ready():
                    return
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.2)
        raise RuntimeError("timed out waiting for %s:\n%s" % (what, self.tail()))

    def tail(self):
        with open(self.log_path, errors="replace") as f:
            return "".join(f.readlines()[-40:])

    def api(self, method, path, body=None):
        request = urllib.request.Request(self.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": "token " + self.token,
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode()
            return json.loads(text) if text else {}

    def start_student(self, name):
        """Creates the student and starts their server; returns the server's pid once it is ready."""
        self.api("POST", "/hub/api/users/%s" % name)
        self.api("POST", "/hub/api/users/%s/server" % name, {})
        self._wait(lambda: self.api("GET", "/hub/api/users/%s" % name)["servers"].get("", {}).get("ready"),
                   "%s's server" % name)
        return self.api("GET", "/hub/api/users/%s" % name)["servers"][""]["state"]["pid"]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, 9)
        self.log.close()


class StudentKernel:
    """A jconcur kernel started in a student's server, driven over its websocket as JupyterLab does."""

    def __init__(self, hub, student):
        self.hub = hub
        self.student = student
        kernel = hub.api("POST", "/user/%s/api/kernels" % student, {"name": "jconcur"})
        self.kernel_id = kernel["id"]
        self.session = Session(username=student)
        ws_url = hub.url.replace("http", "ws", 1) + "/user/%s/api/kernels/%s/channels" % (student, self.kernel_id)
        self.ws = websocket.create_connection(ws_url, header=["Authorization: token " + hub.token], timeout=TIMEOUT)

    def request(self, channel, msg_type, content):
        """Sends a request; returns its reply and the iopub messages up to its idle status."""
        message = self.session.msg(msg_type, content)
        message["channel"] = channel
        self.ws.send(json.dumps(message, default=json_default))
        msg_id = message["header"]["msg_id"]
        reply, iopub, idle = None, [], False
        while reply is None or not idle:
            incoming = json.loads(self.ws.recv())
            if incoming.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if incoming["channel"] == channel and incoming["msg_type"].endswith("_reply"):
                reply = incoming["content"]
            elif incoming["channel"] == "iopub":
                iopub.append(incoming)
                idle = incoming["msg_type"] == "status" and incoming["content"]["execution_state"] == "idle"
        return reply, iopub

    def execute(self, code):
        reply, iopub = self.request("shell", "execute_request", {"code": code, "silent": False})
        if reply["status"] != "ok":
            errors = [m["content"] for m in iopub if m["msg_type"] == "error"]
            raise AssertionError("%s: cell failed: %s\n%s" % (self.student, code[:120], errors or reply))

    def kernel_info_seconds(self):
        started = time.monotonic()
        self.request("shell", "kernel_info_request", {})
        return time.monotonic() - started

    def close(self):
        self.ws.close()


def run_course(students, cells, jupyter_path):
    """Runs the course; returns a dict of figures (raises when a student's cells fail)."""
    scratch = tempfile.mkdtemp(prefix="jconcur-hub-")
    hub = Hub(scratch, jupyter_path)
    results, failures = {}, []
    try:
        names = ["student%d" % i for i in range(1, students + 1)]
        started = time.monotonic()
        pids = {name: hub.start_student(name) for name in names}
        figures = {"servers_started_s": round(time.monotonic() - started, 1)}
        kernels = {name: StudentKernel(hub, name) for name in names}
        code = chapter_one_cells(cells)

        def work(name):
            try:
                began = time.monotonic()
                for cell in code:
                    kernels[name].execute(cell)
                results[name] = {"cells_s": round(time.monotonic() - began, 1)}
            except Exception as e:  # reported below, for every student
                failures.append("%s: %s" % (name, e))

        threads = [threading.Thread(target=work, args=(name,)) for name in names]
        for t in threads:
            t.start()
        for t in threads:
            t.join(TIMEOUT)
        if failures or len(results) != students:
            raise AssertionError("not every student's cells ran: %s\nHub log:\n%s" % (failures, hub.tail()))
        for name in names:
            results[name]["kernel_info_s"] = round(kernels[name].kernel_info_seconds(), 2)
            results[name]["memory_mb"] = round(sum(rss_mb(p) for p in descendants(pids[name])))
        figures["students"] = results
        figures["total_memory_mb"] = sum(r["memory_mb"] for r in results.values())
        figures["hub_and_proxy_memory_mb"] = round(sum(
            rss_mb(p) for p in descendants(hub.process.pid)) - figures["total_memory_mb"])
        for kernel in kernels.values():
            kernel.close()
        # Every student's processes, to check that stopping the Hub stops them too.
        figures["student_pids"] = [p for name in names for p in descendants(pids[name])]
        return figures
    finally:
        hub.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--cells", type=int, default=5, help="chapter 1's first code cells to run")
    args = parser.parse_args()
    figures = run_course(args.students, args.cells, os.environ.get("JUPYTER_PATH", ""))
    figures.pop("student_pids")
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    sys.exit(main())
