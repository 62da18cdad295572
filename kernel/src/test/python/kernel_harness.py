"""Drives an installed jconcur kernel with jupyter_client, for test_robustness and test_soak.

The kernelspec is found through JUPYTER_PATH (the Java ITs install it into a temp dir with `install --prefix`);
JCONCUR_KERNEL_NAME selects another one. Measured figures are printed as "FIGURE name: value" lines on stderr,
which the ITs repeat in their output.
"""

import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

from process_tree import children

KERNEL_NAME = os.environ.get("JCONCUR_KERNEL_NAME", "jconcur")
# Small user VM heap: an OutOfMemoryError comes quickly, and a 100 MB string still fits.
USER_VM_HEAP = "-Xmx512m"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def figure(name, value):
    print("FIGURE %s: %s" % (name, value), file=sys.stderr, flush=True)


def plain(text):
    return ANSI.sub("", text)


def wait_until(condition, timeout, step=0.05):
    """Polls condition until it is true or timeout seconds passed; returns its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(step)


class CellRun:
    """One execute request: its reply content, its iopub messages, how long it took."""

    def __init__(self, reply, messages, seconds, interrupt_seconds):
        self.reply = reply
        self.messages = messages
        self.seconds = seconds
        # From the interrupt_request to the cell's idle status; None if not interrupted.
        self.interrupt_seconds = interrupt_seconds

    @property
    def status(self):
        return self.reply["status"]

    def stream(self, name=None):
        return "".join(m["content"]["text"] for m in self.messages
                       if m["msg_type"] == "stream" and (name is None or m["content"]["name"] == name))

    def errors(self):
        return [m["content"] for m in self.messages if m["msg_type"] == "error"]

    def error_text(self):
        """ename, evalue and traceback of the reply, without colours, as one string."""
        if self.reply["status"] != "error":
            return ""
        return plain("%s: %s\n%s" % (self.reply.get("ename"), self.reply.get("evalue"),
                                     "\n".join(self.reply.get("traceback", []))))

    def results(self):
        """data dicts of execute_result and display_data messages, in order."""
        return [m["content"]["data"] for m in self.messages if m["msg_type"] in ("execute_result", "display_data")]

    def text_result(self):
        for m in self.messages:
            if m["msg_type"] == "execute_result":
                return m["content"]["data"].get("text/plain")
        return None

    def describe(self):
        return "status=%s\nerror=%s\nstdout=%r\nstderr=%r" % (
            self.status, self.error_text(), self.stream("stdout")[-2000:], self.stream("stderr")[-2000:])


class KernelTestCase(unittest.TestCase):
    """Tests that share one kernel: started before the class's first test, shut down after its last (also when
    a subclass's setUpClass fails after super().setUpClass()). kernel_options are RunningKernel's arguments."""

    kernel_options = {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kernel = RunningKernel(**cls.kernel_options)
        cls.addClassCleanup(cls.kernel.shutdown)


class RunningKernel:
    """A kernel started from the kernelspec by a KernelManager, with a blocking client."""

    def __init__(self, env=None, user_vm_options=USER_VM_HEAP):
        self.km = KernelManager(kernel_name=KERNEL_NAME)
        spec_env = self.km.kernel_spec.env
        if user_vm_options:
            spec_env["JCONCUR_USER_VM_OPTS"] = (spec_env.get("JCONCUR_USER_VM_OPTS", "-ea") + " " + user_vm_options).strip()
        spec_env.update(env or {})
        # The kernel JVM's own stdout/stderr (its log), kept apart from what reaches the notebook.
        self.log_file = tempfile.NamedTemporaryFile(prefix="jconcur-kernel-", suffix=".log", delete=False)
        self.km.start_kernel(stdout=self.log_file, stderr=subprocess.STDOUT)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        # Every iopub message seen, whatever its parent (a thread's output goes to the cell that started it).
        self.iopub_log = []

    def log(self):
        """What the kernel JVM wrote to its stdout and stderr so far."""
        with open(self.log_file.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    @property
    def pid(self):
        return self.km.provisioner.pid

    def user_vm_pids(self):
        return children(self.pid)

    def kernel_info(self, timeout=30):
        """Sends kernel_info_request on shell and returns the reply content (fails on timeout)."""
        msg_id = self.kc.kernel_info()
        deadline = time.monotonic() + timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def run(self, code, timeout=120, interrupt_on=None, interrupt_after=None, on_message=None, stdin_answer=None,
            cell_id=None):
        """Executes code and waits for its idle status and reply.

        interrupt_on(message) -> bool: send interrupt_request once it returns true for an iopub message of
        this cell; interrupt_after: seconds after the cell went busy to send it anyway.
        on_message(message): called for each iopub message of this cell as it arrives.
        stdin_answer: allow stdin and answer each input_request with this text.
        cell_id: the notebook cell's id, sent as JupyterLab sends it (metadata.cellId).
        """
        if cell_id is None:
            msg_id = self.kc.execute(code, store_history=True, allow_stdin=stdin_answer is not None, stop_on_error=False)
        else:
            content = dict(code=code, silent=False, store_history=True, user_expressions={},
                           allow_stdin=stdin_answer is not None, stop_on_error=False)
            message = self.kc.session.msg("execute_request", content, metadata={"cellId": cell_id})
            self.kc.shell_channel.send(message)
            msg_id = message["header"]["msg_id"]
        started = time.monotonic()
        deadline = started + timeout
        messages = []
        busy_at = None
        interrupted_at = None
        done_at = None
        while done_at is None:
            now = time.monotonic()
            if now > deadline:
                raise AssertionError("cell did not finish in %ss: %r\nmessages: %s" % (timeout, code[:200],
                                     [m["msg_type"] for m in messages][-20:]))
            if interrupted_at is None and busy_at is not None and interrupt_after is not None \
                    and now - busy_at >= interrupt_after:
                interrupted_at = self.interrupt()
            if stdin_answer is not None:
                self._answer_input(msg_id, stdin_answer)
            try:
                message = self.kc.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                continue
            self.iopub_log.append(message)
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            messages.append(message)
            if on_message:
                on_message(message)
            kind = message["msg_type"]
            if kind == "status" and message["content"]["execution_state"] == "busy":
                busy_at = time.monotonic()
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                done_at = time.monotonic()
            elif interrupt_on is not None and interrupted_at is None and interrupt_on(message):
                interrupted_at = self.interrupt()
        reply = self.shell_reply(msg_id, max(5, deadline - time.monotonic()))
        return CellRun(reply, messages, done_at - started,
                       None if interrupted_at is None else done_at - interrupted_at)

    def _answer_input(self, msg_id, answer):
        try:
            request = self.kc.get_stdin_msg(timeout=0)
        except queue.Empty:
            return
        if request["msg_type"] == "input_request" and request["parent_header"].get("msg_id") == msg_id:
            self.kc.input(answer)

    def shell_reply(self, msg_id, timeout):
        end = time.monotonic() + timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, end - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def interrupt(self):
        """Sends interrupt_request on control (the kernelspec's interrupt_mode is message), as KernelManager
        does; returns when it was sent. interrupt_reply_seconds() then says how long the reply took."""
        message = self.kc.session.msg("interrupt_request", {})
        self._interrupt = (message["header"]["msg_id"], time.time())
        sent = time.monotonic()
        self.kc.control_channel.send(message)
        return sent

    def interrupt_reply_seconds(self, timeout=30):
        """Seconds from the last interrupt_request to its reply (by the reply's date)."""
        msg_id, sent = self._interrupt
        deadline = time.monotonic() + timeout
        while True:
            reply = self.kc.get_control_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                assert reply["content"]["status"] == "ok", reply
                return reply["header"]["date"].timestamp() - sent

    def ok(self, code, timeout=120, cell_id=None):
        """Runs code that must succeed; returns the CellRun."""
        run = self.run(code, timeout=timeout, cell_id=cell_id)
        if run.status != "ok":
            raise AssertionError("cell failed: %r\n%s" % (code[:300], run.describe()))
        return run

    def value(self, code, timeout=120):
        """The text/plain result of an expression cell that must succeed."""
        return self.ok(code, timeout).text_result()

    def collect_iopub(self, seconds):
        """Reads iopub for a while (background output); returns what arrived."""
        got = []
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                message = self.kc.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                continue
            self.iopub_log.append(message)
            got.append(message)
        return got

    def connection(self):
        return self.km.get_connection_info(session=False)

    def shutdown(self):
        """shutdown_request, then a kill if the kernel does not stop (jupyter_client's own escalation)."""
        try:
            self.kc.stop_channels()
            self.kc.context.destroy(linger=0)
        finally:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=False)
            self.log_file.close()
            if os.environ.get("JCONCUR_SHOW_KERNEL_LOG"):
                sys.stderr.write(self.log())
            os.unlink(self.log_file.name)

    def kill_process_only(self):
        """SIGKILL to the kernel JVM alone (not its process group, as jupyter_client would do)."""
        os.kill(self.pid, signal.SIGKILL)


class HeartbeatProbe:
    """A raw REQ socket on the heartbeat port: round-trip times of pings while the kernel is busy."""

    def __init__(self, connection, context=None):
        self.context = context or zmq.Context.instance()
        self.address = "%s://%s:%d" % (connection["transport"], connection["ip"], connection["hb_port"])
        self.socket = None
        self._reconnect()

    def _reconnect(self):
        if self.socket is not None:
            self.socket.close(linger=0)
        self.socket = self.context.socket(zmq.REQ)
        self.socket.linger = 0
        self.socket.connect(self.address)

    def ping(self, timeout=5.0):
        """Round-trip seconds, or None if no echo came within timeout (the socket is then renewed)."""
        payload = os.urandom(8)
        started = time.monotonic()
        self.socket.send(payload)
        if self.socket.poll(int(timeout * 1000)):
            echo = self.socket.recv()
            assert echo == payload, "heartbeat echoed %r for %r" % (echo, payload)
            return time.monotonic() - started
        self._reconnect()
        return None

    def close(self):
        self.socket.close(linger=0)


class ResponsivenessProbe:
    """While the kernel is busy: heartbeat pings (raw REQ socket) and kernel_info_request on control (its own
    client), on a thread of their own. stop() returns the worst round trips and how many went unanswered."""

    def __init__(self, kernel, period=0.2, control_every=5):
        self.hb = HeartbeatProbe(kernel.connection())
        # A session of its own: DEALER sockets with the same identity (the session id) would share one route.
        self.client = kernel.km.client(session=Session(key=kernel.km.session.key,
                                                       signature_scheme=kernel.km.session.signature_scheme))
        self.client.start_channels(shell=False, iopub=False, stdin=False, hb=False, control=True)
        self.period = period
        self.control_every = control_every
        self.hb_times = []
        self.control_times = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        n = 0
        while not self._stop.is_set():
            self.hb_times.append(self.hb.ping(timeout=5))
            if n % self.control_every == 0:
                self.control_times.append(self._control_kernel_info(timeout=10))
            n += 1
            self._stop.wait(self.period)

    def _control_kernel_info(self, timeout):
        message = self.client.session.msg("kernel_info_request", {})
        started = time.monotonic()
        self.client.control_channel.send(message)
        deadline = started + timeout
        while time.monotonic() < deadline:
            try:
                reply = self.client.get_control_msg(timeout=max(0.05, deadline - time.monotonic()))
            except queue.Empty:
                break
            if reply["parent_header"].get("msg_id") == message["header"]["msg_id"]:
                return time.monotonic() - started
        return None

    def stop(self):
        """{'hb_max': s, 'hb_missed': n, 'hb_count': n, 'control_max': s, 'control_missed': n}"""
        self._stop.set()
        self._thread.join(30)
        self.hb.close()
        self.client.stop_channels()
        self.client.context.destroy(linger=0)
        answered_hb = [t for t in self.hb_times if t is not None]
        answered_control = [t for t in self.control_times if t is not None]
        return {"hb_max": max(answered_hb, default=None), "hb_missed": len(self.hb_times) - len(answered_hb),
                "hb_count": len(self.hb_times), "control_max": max(answered_control, default=None),
                "control_missed": len(self.control_times) - len(answered_control)}


def listening_ports(pid):
    """(address, port) pairs of the TCP sockets pid listens on, from `ss -ltnp`."""
    out = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True, check=True).stdout
    found = []
    for line in out.splitlines():
        if "pid=%d," % pid not in line:
            continue
        local = line.split()[3]
        address, port = local.rsplit(":", 1)
        found.append((address.strip("[]"), int(port)))
    return found


def established_peers(pid):
    """(local, peer) address:port strings of pid's established TCP connections, from `ss -tnp`."""
    out = subprocess.run(["ss", "-tnpH", "state", "established"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for line in out.splitlines():
        if "pid=%d," % pid in line:
            parts = line.split()
            found.append((parts[2], parts[3]))
    return found
