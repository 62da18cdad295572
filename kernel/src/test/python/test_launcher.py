"""The kernel and the processes around it, through real Jupyter clients:

    .venv/bin/python -m unittest -v test_launcher

- a kernel whose launcher (the Jupyter server, nbclient, a console) is killed goes away by itself, user VM
  included, within 5 s; a kernel started by hand from a shell lives as long as that shell;
- deleting the connection file while the kernel runs changes nothing;
- a second client attached to a running kernel, as `jupyter console --existing` attaches, sees the first
  client's outputs and can interrupt its cell;
- complete, inspect and is_complete answer while the user VM is still starting (issue 15).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

from kernel_harness import KERNEL_NAME, USER_VM_HEAP, RunningKernel, figure, wait_until
from process_tree import children, process_alive

HERE = os.path.dirname(os.path.abspath(__file__))
# The kernel and its user VM are gone within this long after their launcher died.
GONE_WITHIN = 5.0


def kill(process):
    if process.poll() is None:
        process.kill()
        process.wait(10)


class LauncherDeathTests(unittest.TestCase):
    """The kernel JVM and its user VM do not outlive the process that launched them."""

    def assert_gone_within(self, pids, seconds, what):
        started = time.monotonic()
        gone = wait_until(lambda: not any(process_alive(pid) for pid in pids), seconds + 10)
        took = time.monotonic() - started
        self.assertTrue(gone, "%s still running %.0f s after: %s" % (what, took, [p for p in pids if process_alive(p)]))
        self.assertLessEqual(took, seconds, "%s took %.1f s to go, more than %.0f s" % (what, took, seconds))
        return took

    def test_sigkill_of_the_launching_client_ends_kernel_and_user_vm(self):
        launcher = subprocess.Popen([sys.executable, os.path.join(HERE, "launcher_probe.py")],
                                    stdout=subprocess.PIPE, text=True, cwd=HERE)
        self.addCleanup(launcher.stdout.close)
        self.addCleanup(kill, launcher)
        started = json.loads(launcher.stdout.readline())
        self.assertEqual("ok", started["status"], started)
        kernel = started["kernel_pid"]
        user_vms = wait_until(lambda: children(kernel), 30)
        self.assertTrue(user_vms, "the kernel has no user VM after running a cell")

        launcher.kill()
        launcher.wait(10)
        took = self.assert_gone_within([kernel] + user_vms, GONE_WITHIN, "the kernel JVM and its user VM")
        figure("kernel_gone_after_launcher_sigkill", "%.2f s" % took)

    def test_kernel_started_by_hand_lives_as_long_as_its_shell(self):
        scratch = tempfile.mkdtemp(prefix="jconcur-by-hand-")
        self.addCleanup(shutil.rmtree, scratch, True)
        connection_file = os.path.join(scratch, "kernel.json")
        write_connection_file(connection_file, ip="127.0.0.1")
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        argv = [arg.replace("{connection_file}", connection_file) for arg in spec.argv]
        env = dict(os.environ, **spec.env)
        # A shell by hand: no JPY_PARENT_PID (or a stale one from elsewhere, which must not matter).
        env["JPY_PARENT_PID"] = str(self.dead_pid())
        # bash keeps running as the kernel's parent (the trailing command stops it from exec-ing java).
        shell = subprocess.Popen(["bash", "-c", '"$@"; exit $?', "shell"] + argv, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.addCleanup(lambda: os.killpg(shell.pid, signal.SIGKILL) if shell.poll() is None else None)
        kernel = wait_until(lambda: children(shell.pid), 30)
        self.assertTrue(kernel, "the shell started no kernel")
        client = BlockingKernelClient(connection_file=connection_file)
        client.load_connection_file()
        client.start_channels()
        self.addCleanup(client.stop_channels)
        # Not wait_for_ready: without a kernel manager it takes a heartbeat not yet answered for a dead kernel.
        self.assertEqual("ok", client.kernel_info(reply=True, timeout=120)["content"]["status"])

        time.sleep(3 * 0.5 + 1)  # several of the kernel's checks of its launcher
        self.assertEqual("ok", client.execute_interactive("2 + 2", timeout=120, output_hook=lambda message: None)["content"]["status"],
                         "the kernel stopped answering while its shell lives")
        user_vms = children(kernel[0])

        os.kill(shell.pid, signal.SIGKILL)
        shell.wait(10)
        took = self.assert_gone_within(kernel + user_vms, GONE_WITHIN, "the hand-started kernel and its user VM")
        figure("hand_started_kernel_gone_after_shell_sigkill", "%.2f s" % took)

    @staticmethod
    def dead_pid():
        finished = subprocess.Popen(["true"])
        finished.wait()
        return finished.pid


class ConnectionFileTests(unittest.TestCase):

    def test_deleting_the_connection_file_changes_nothing(self):
        kernel = RunningKernel()
        self.addCleanup(kernel.shutdown)
        kernel.ok("int before = 20;")
        os.unlink(kernel.km.connection_file)
        self.assertEqual("22", kernel.value("before + 2"))
        # A new client can still attach with what a front end keeps in memory.
        second = BlockingKernelClient()
        second.load_connection_info(kernel.connection())
        second.start_channels()
        self.addCleanup(second.stop_channels)
        second.wait_for_ready(timeout=60)
        self.assertEqual("ok", second.execute_interactive("before", timeout=60, output_hook=lambda message: None)["content"]["status"])


class SecondClientTests(unittest.TestCase):
    """Two clients on one kernel, as with `jupyter console --existing`."""

    def setUp(self):
        self.kernel = RunningKernel()
        self.addCleanup(self.kernel.shutdown)
        self.second = BlockingKernelClient(connection_file=self.kernel.km.connection_file)
        self.second.load_connection_file()
        self.second.start_channels()
        self.addCleanup(self.second.stop_channels)
        self.second.wait_for_ready(timeout=60)

    def second_client_streams(self, parent_msg_id, timeout=30):
        """Text of the stream messages the second client saw for a request of the first, until its idle."""
        text = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.second.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            if msg["msg_type"] == "stream":
                text.append(msg["content"]["text"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return "".join(text)
        self.fail("the second client never saw the first client's cell go idle")

    def test_second_client_sees_the_first_clients_output(self):
        run = self.kernel.run('System.out.println("seen by both");')
        self.assertEqual("ok", run.status, run.describe())
        parent = run.messages[0]["parent_header"]["msg_id"]
        self.assertIn("seen by both", self.second_client_streams(parent))

    def test_second_client_interrupts_the_first_clients_cell(self):
        timers = []

        def interrupt_from_second_once_running(message):
            if not timers and message["msg_type"] == "status" and message["content"]["execution_state"] == "busy":
                send = lambda: self.second.control_channel.send(self.second.session.msg("interrupt_request", {}))
                timers.append(threading.Timer(1.0, send))
                timers[0].start()

        run = self.kernel.run("while (true) {}", timeout=60, on_message=interrupt_from_second_once_running)
        self.assertEqual("error", run.status, run.describe())
        self.assertEqual("ok", self.kernel.run("1 + 1").status, "the kernel did not come back after the interrupt")


class AnswersBeforeTheUserVmTests(unittest.TestCase):
    """Source analysis runs in the kernel JVM: it needs no user VM, so it does not wait for one to start."""

    def test_complete_inspect_and_is_complete_answer_while_the_user_vm_is_held_at_its_start(self):
        pause_file = os.path.join(tempfile.mkdtemp(prefix="jconcur-pause-"), "user-vm.paused")
        # HotSpot's PauseAtStartup: the user VM creates the file and waits until it is deleted.
        kernel = RunningKernel(user_vm_options=USER_VM_HEAP + " -XX:+UnlockDiagnosticVMOptions -XX:+PauseAtStartup"
                               " -XX:PauseAtStartupFile=" + pause_file)
        try:
            self.assertTrue(wait_until(lambda: os.path.exists(pause_file), 60), "the user VM never started")

            complete = kernel.kc.complete("measu", 5, reply=True, timeout=60)["content"]
            inspect = kernel.kc.inspect("speedupChart", 12, reply=True, timeout=60)["content"]
            is_complete = kernel.shell_reply(kernel.kc.is_complete("for (int i = 0; i < 3; i++) {"), 60)

            self.assertTrue(os.path.exists(pause_file), "the user VM was let go before the answers came")
            self.assertEqual("ok", complete["status"], complete)
            self.assertIn("measure(", complete["matches"], complete)
            self.assertTrue(inspect["found"], inspect)
            self.assertIn("speedupChart", inspect["data"]["text/plain"])
            self.assertEqual("incomplete", is_complete["status"], is_complete)

            os.remove(pause_file)
            self.assertEqual("2", kernel.value("1 + 1"))
        finally:
            if os.path.exists(pause_file):
                os.remove(pause_file)
            kernel.shutdown()


if __name__ == "__main__":
    unittest.main()
