"""Robustness and security of the jconcur kernel, driven through jupyter_client.

Run by KernelClientSuitesIT with JUPYTER_PATH pointing at a freshly installed kernelspec:
    .venv/bin/python -m unittest -v test_robustness
Time limits are generous upper bounds on the kernel's promises (1 s interrupt, 5 s deadlock recovery) for a
shared 2-core machine; the measured figures are printed as FIGURE lines.
"""

import hashlib
import hmac
import json
import os
import random
import re
import shutil
import socket as socket_module
import tempfile
import threading
import time
import unittest
import uuid

import zmq
from jupyter_client.session import Session

from kernel_harness import (HeartbeatProbe, KernelTestCase, ResponsivenessProbe, RunningKernel, established_peers,
                           figure, listening_ports, plain, wait_until)
from process_tree import children, process_alive

HELPERS_WORK = "amdahlSpeedup(0.1, 8)"
# 1 / (0.1 + 0.9 / 8)
HELPERS_VALUE = "4.7058823529411"


def started(marker):
    """interrupt_on predicate: the cell printed marker (so it really is in the code to interrupt)."""
    return lambda m: m["msg_type"] == "stream" and marker in m["content"]["text"]


class InterruptTests(KernelTestCase):
    """Interrupts of busy, sleeping, waiting and deadlocked cells."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kernel.ok("int before = 41;")

    def interrupted(self, code, marker, limit, name):
        run = self.kernel.run(code, interrupt_on=started(marker), timeout=120)
        self.assertIsNotNone(run.interrupt_seconds, "the cell never printed %r:\n%s" % (marker, run.describe()))
        figure(name, "%.3f s" % run.interrupt_seconds)
        self.assertEqual("error", run.status, run.describe())
        self.assertEqual(1, len(run.errors()), run.describe())
        self.assertLess(run.interrupt_seconds, limit, run.describe())
        return run

    def assert_state_kept(self):
        # A declaration runs no code: the interrupt of the cell before must not make it fail.
        self.kernel.ok("int plusOne(int x) { return x + 1; }")
        self.assertEqual("42", self.kernel.value("plusOne(before)"))

    def test_busy_loop(self):
        run = self.interrupted('System.out.println("spinning"); while (true) {}', "spinning", 5.0,
                               "interrupt_busy_loop")
        self.assertIn("Interrupted", run.error_text())
        self.assert_state_kept()

    def test_sleep(self):
        run = self.interrupted('System.out.println("sleeping"); Thread.sleep(60000);', "sleeping", 5.0,
                               "interrupt_sleep")
        self.assertIn("Interrupted", run.error_text())
        self.assert_state_kept()

    def test_latch_await(self):
        run = self.interrupted('System.out.println("waiting"); new CountDownLatch(1).await();', "waiting", 5.0,
                               "interrupt_latch_await")
        self.assertIn("Interrupted", run.error_text())
        self.assert_state_kept()

    def deadlock(self, code, name):
        """The cell joins two deadlocked threads: the interrupt returns it with the cycle named."""
        run = self.interrupted(code, "both locked", 15.0, name)
        text = run.error_text()
        for thread in ("philosopher-1", "philosopher-2"):
            self.assertRegex(text, r'"%s" \(\w+\) waits for \S+, held by "philosopher-[12]"' % thread)
        self.assertIn("deadlocked", text)
        self.assert_recovered(text)

    def assert_recovered(self, text):
        """The next cell works with the preloaded helpers; the state is gone exactly when the report says so."""
        self.assertTrue(self.kernel.value(HELPERS_WORK).startswith(HELPERS_VALUE))
        reset = "State was reset" in text
        figure("deadlock_user_vm", "replaced, state reset" if reset else "kept, state kept")
        kept = self.kernel.run("before")
        self.assertEqual("error" if reset else "ok", kept.status, "report: %s\nnext cell: %s" % (text, kept.describe()))
        self.kernel.ok("int before = 41;")

    def test_monitor_deadlock(self):
        self.deadlock("""
Object left = new Object(), right = new Object();
CountDownLatch both = new CountDownLatch(2);
void awaitQuietly(CountDownLatch l) { try { l.await(); } catch (InterruptedException e) {} }
Thread a = new Thread(() -> { synchronized (left) { both.countDown(); awaitQuietly(both); synchronized (right) {} } }, "philosopher-1");
Thread b = new Thread(() -> { synchronized (right) { both.countDown(); awaitQuietly(both); synchronized (left) {} } }, "philosopher-2");
a.start(); b.start();
both.await(); System.out.println("both locked");
a.join(); b.join();
""", "deadlock_monitor_recovery")

    def test_cell_thread_in_monitor_deadlock(self):
        """The cell's own thread is in the cycle, blocked on a monitor: no interrupt can reach it."""
        run = self.interrupted("""
Object left = new Object(), right = new Object();
CountDownLatch both = new CountDownLatch(2);
Thread other = new Thread(() -> { synchronized (right) { both.countDown(); try { both.await(); } catch (InterruptedException e) {} synchronized (left) {} } }, "philosopher-2");
synchronized (left) { other.start(); both.countDown(); both.await(); System.out.println("both locked"); synchronized (right) {} }
""", "both locked", 15.0, "deadlock_cell_thread_recovery")
        text = run.error_text()
        self.assertIn("Deadlock", text)
        self.assertRegex(text, r'"main" \(BLOCKED\) waits for \S*Object@[0-9a-f]+, held by "philosopher-2"')
        self.assertRegex(text, r'"philosopher-2" \(BLOCKED\) waits for \S*Object@[0-9a-f]+, held by "main"')
        self.assertIn("replaced the user VM", text)
        self.assertIn("State was reset", text)
        self.assert_recovered(text)

    def test_reentrant_lock_deadlock(self):
        self.deadlock("""
ReentrantLock left = new ReentrantLock(), right = new ReentrantLock();
CountDownLatch both = new CountDownLatch(2);
void cross(Lock first, Lock second, CountDownLatch l) {
    first.lock();
    try { l.countDown(); l.await(); second.lock(); second.unlock(); }
    catch (InterruptedException e) {}
    finally { first.unlock(); }
}
Thread a = new Thread(() -> cross(left, right, both), "philosopher-1");
Thread b = new Thread(() -> cross(right, left, both), "philosopher-2");
a.start(); b.start();
both.await(); System.out.println("both locked");
a.join(); b.join();
""", "deadlock_lock_recovery")


class UserVmEndTests(KernelTestCase):
    """The user VM exits, halts, runs out of memory or stack, or is killed: the kernel carries on."""

    def setUp(self):
        self.kernel.ok("int before = 41;")
        self.pid = int(self.kernel.value("ProcessHandle.current().pid()"))
        self.assertEqual([self.pid], self.kernel.user_vm_pids())

    def assert_replaced(self, run, ename, *phrases):
        """The cell reports the end of its user VM; the kernel answers; the next cell has a fresh VM."""
        text = run.error_text()
        self.assertEqual("error", run.status, run.describe())
        self.assertEqual(ename, run.reply["ename"], text)
        for phrase in phrases:
            self.assertIn(phrase, text)
        self.assertIn("State was reset", text)
        self.assertEqual("ok", self.kernel.kernel_info()["status"])
        self.assertTrue(wait_until(lambda: not process_alive(self.pid), 10), "the old user VM still runs")
        self.assertTrue(self.kernel.value(HELPERS_WORK).startswith(HELPERS_VALUE))
        self.assertEqual("error", self.kernel.run("before").status, "state survived the end of its user VM")
        fresh = int(self.kernel.value("ProcessHandle.current().pid()"))
        self.assertNotEqual(self.pid, fresh)
        self.assertEqual([fresh], self.kernel.user_vm_pids())

    def test_system_exit(self):
        run = self.kernel.run('System.out.println("bye"); System.exit(3);')
        self.assertIn("bye", run.stream("stdout"))
        self.assert_replaced(run, "SystemExit", "System.exit(3)")

    def test_runtime_halt(self):
        run = self.kernel.run("Runtime.getRuntime().halt(1);")
        self.assert_replaced(run, "UserVmDied", "exited with code 1")

    def test_killed_from_outside_while_running(self):
        kill = lambda m: m["msg_type"] == "stream" and "sleeping" in m["content"]["text"] and os.kill(self.pid, 9)
        run = self.kernel.run('System.out.println("sleeping"); Thread.sleep(60000);', on_message=kill)
        self.assert_replaced(run, "UserVmKilled", "signal 9")

    def test_killed_from_outside_between_cells(self):
        os.kill(self.pid, 9)
        self.assertTrue(wait_until(lambda: not process_alive(self.pid), 10))
        # The kernel says so in the output of the latest cell, and boots a fresh VM for the next one.
        notes = [m for m in self.kernel.collect_iopub(3) if m["msg_type"] == "stream"]
        self.assertTrue(any("UserVmKilled" in plain(m["content"]["text"]) for m in notes), notes)
        self.assertEqual("ok", self.kernel.kernel_info()["status"])
        self.assertTrue(self.kernel.value(HELPERS_WORK).startswith(HELPERS_VALUE))
        self.assertEqual("error", self.kernel.run("before").status)

    def test_out_of_memory(self):
        run = self.kernel.run("{ List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1 << 20]); }")
        self.assertEqual("error", run.status, run.describe())
        self.assertIn("OutOfMemoryError", run.error_text())
        self.assertEqual("ok", self.kernel.kernel_info()["status"])
        # Whatever VM runs the next cell, it works fully: output, displays, helpers.
        after = self.kernel.ok('System.out.println("still here"); display("shown"); ' + HELPERS_WORK)
        self.assertIn("still here", after.stream("stdout"))
        self.assertIn({"text/plain": "shown"}, [{k: v for k, v in d.items() if k == "text/plain"} for d in after.results()])
        self.assertTrue(after.text_result().startswith(HELPERS_VALUE))
        kept = process_alive(self.pid)
        figure("out_of_memory_user_vm", "kept (state kept)" if kept else "replaced")
        if kept:
            self.assertEqual("42", self.kernel.value("before + 1"))

    def test_stack_overflow(self):
        self.kernel.ok("int down(int n) { return down(n + 1) + 1; }")
        run = self.kernel.run("down(0)")
        self.assertEqual("error", run.status, run.describe())
        self.assertIn("StackOverflowError", run.error_text())
        self.assertIn("down", run.error_text())
        # A normal exception: same VM, state kept.
        self.assertTrue(process_alive(self.pid))
        self.assertEqual("42", self.kernel.value("before + 1"))
        self.assertEqual(str(self.pid), self.kernel.value("ProcessHandle.current().pid()"))


class NoOrphanTests(unittest.TestCase):
    """The user VM never outlives its kernel JVM: shutdown, restart, SIGKILL."""

    def setUp(self):
        self.kernel = RunningKernel()
        self.addCleanup(self.kernel.shutdown)
        self.user_vm = int(self.kernel.value("ProcessHandle.current().pid()"))
        self.assertEqual([self.user_vm], self.kernel.user_vm_pids())

    def assert_gone(self, pid, what, within=10):
        started = time.monotonic()
        self.assertTrue(wait_until(lambda: not process_alive(pid), within), "%s %d still runs" % (what, pid))
        return time.monotonic() - started

    def test_shutdown_request(self):
        kernel_pid = self.kernel.pid
        # The kernel's own shutdown, not jupyter_client's kill of the process group that would follow.
        self.kernel.kc.shutdown()
        self.assert_gone(kernel_pid, "the kernel JVM")
        figure("user_vm_gone_after_shutdown", "%.2f s" % self.assert_gone(self.user_vm, "the user VM", 5))

    def test_restart(self):
        provisioner = self.kernel.km.provisioner
        kills = []
        original_kill = provisioner.kill

        async def recording_kill(restart=False):
            kills.append(restart)
            await original_kill(restart=restart)

        provisioner.kill = recording_kill
        old_kernel = self.kernel.pid
        self.kernel.km.restart_kernel(now=False)
        self.assertEqual([], kills, "jupyter_client had to kill the kernel: it did not stop on shutdown_request")
        self.assert_gone(old_kernel, "the old kernel JVM", 5)
        self.assert_gone(self.user_vm, "the old user VM", 5)
        self.kernel.kc.wait_for_ready(timeout=120)
        fresh = int(self.kernel.value("ProcessHandle.current().pid()"))
        self.assertNotEqual(self.user_vm, fresh)
        self.assertEqual([fresh], self.kernel.user_vm_pids())

    def test_sigkill_of_the_kernel_jvm(self):
        kernel_pid = self.kernel.pid
        self.kernel.kill_process_only()
        self.assert_gone(kernel_pid, "the kernel JVM")
        figure("user_vm_gone_after_kernel_sigkill", "%.2f s" % self.assert_gone(self.user_vm, "the user VM", 5))


class OutputFloodTests(KernelTestCase):
    """Output floods: the kernel keeps answering; output beyond the per-cell cap is dropped with a note."""

    LIMIT = 1 << 20  # the default JCONCUR_OUTPUT_LIMIT, 1 MB

    def flood(self, code, name, interrupt_after=None):
        probe = ResponsivenessProbe(self.kernel)
        try:
            run = self.kernel.run(code, timeout=180, interrupt_after=interrupt_after)
        finally:
            stats = probe.stop()
        figure(name + "_cell", "%.2f s" % run.seconds)
        figure(name + "_heartbeat", "worst %.3f s over %d pings, %d unanswered within 5 s"
               % (stats["hb_max"] or -1, stats["hb_count"], stats["hb_missed"]))
        figure(name + "_control_kernel_info", "worst %.3f s, %d unanswered within 10 s"
               % (stats["control_max"] or -1, stats["control_missed"]))
        self.assertGreater(stats["hb_count"], 0)
        # jupyter_client's own view: its heartbeat channel still beats, the kernel manager sees it alive.
        self.assertTrue(self.kernel.kc.hb_channel.is_beating())
        self.assertTrue(self.kernel.km.is_alive())
        self.assertEqual(0, stats["hb_missed"], stats)
        self.assertEqual(0, stats["control_missed"], stats)
        return run

    def assert_capped(self, run, dropped):
        out = run.stream("stdout")
        self.assertLessEqual(len(out.encode()), self.LIMIT)
        self.assertGreater(len(out.encode()), self.LIMIT - 100)
        note = "output limit of 1.0 MB per cell reached: %s more were dropped" % dropped
        self.assertIn(note, run.stream("stderr"))

    @staticmethod
    def megabytes(n):
        return "%.1f MB" % (n / float(1 << 20))

    def test_a_million_lines(self):
        run = self.flood("for (int i = 0; i < 1_000_000; i++) System.out.println(\"line \" + i);", "flood_lines")
        self.assertEqual("ok", run.status, run.describe())
        total = sum(len("line %d\n" % i) for i in range(1000000))
        self.assert_capped(run, self.megabytes(total - self.LIMIT))
        self.assertTrue(run.stream("stdout").startswith("line 0\nline 1\n"))
        # Batched: nowhere near one message per line.
        self.assertLess(len([m for m in run.messages if m["msg_type"] == "stream"]), 1000)

    def test_a_100_mb_string(self):
        run = self.flood('{ System.out.print("x".repeat(100_000_000)); }', "flood_100mb_string")
        self.assertEqual("ok", run.status, run.describe())
        self.assert_capped(run, self.megabytes(100000000 - self.LIMIT))
        self.assertEqual("42", self.kernel.value("41 + 1"))

    def test_interrupting_an_endless_flood(self):
        run = self.flood('{ String big = "y".repeat(10_000_000); while (true) { System.out.print(big); '
                         'System.out.println("line"); } }', "flood_endless", interrupt_after=2.0)
        figure("flood_endless_interrupt", "%.3f s to idle, interrupt_reply after %.3f s"
               % (run.interrupt_seconds, self.kernel.interrupt_reply_seconds()))
        self.assertEqual("error", run.status, run.describe())
        self.assertIn("Interrupted", run.error_text())
        self.assertLess(run.interrupt_seconds, 5.0)
        self.assertRegex(run.stream("stderr"), r"output limit of 1\.0 MB per cell reached: [0-9.]+ [MG]B more were dropped")
        self.assertEqual("42", self.kernel.value("41 + 1"))


class BackgroundThreadTests(KernelTestCase):
    """Output and displays of a thread go to the cell that started it while that cell's output is on screen (as
    ipykernel routes a thread's output), else to the running cell marked with the thread's name; never to the
    kernel log."""

    def parented_to(self, cell):
        """The iopub messages so far whose parent is this cell's request."""
        msg_id = cell.messages[0]["parent_header"]["msg_id"]
        return [m for m in self.kernel.iopub_log if m["parent_header"].get("msg_id") == msg_id]

    @staticmethod
    def text(messages, name="stdout"):
        return "".join(m["content"]["text"] for m in messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == name)

    def test_output_after_its_cell_ended_goes_to_the_cell_that_started_the_thread(self):
        started = self.kernel.ok("""
SynchronousQueue<String> words = new SynchronousQueue<>();
Thread echo = new Thread(() -> {
    try {
        while (true) {
            String w = words.take();
            Thread.sleep(300); // after the cell that sent the word has ended
            System.out.println("out " + w);
            System.err.println("err " + w);
            display("display " + w);
        }
    } catch (InterruptedException e) { }
}, "echo");
echo.setDaemon(true);
echo.start();
""")
        for word in ("one", "two", "three"):
            put = self.kernel.ok('words.put("%s");' % word)
            self.kernel.collect_iopub(2.0)
            arrived = self.parented_to(started)
            self.assertIn("out %s\n" % word, self.text(arrived))
            self.assertIn("err %s\n" % word, self.text(arrived, "stderr"))
            displays = [m["content"]["data"].get("text/plain") for m in arrived if m["msg_type"] == "display_data"]
            self.assertEqual("display %s" % word, displays[-1])
            self.assertNotIn(word, self.text(self.parented_to(put)) + self.text(self.parented_to(put), "stderr"))
        log = self.kernel.log()
        for word in ("one", "two", "three"):
            self.assertNotIn("out " + word, log)
            self.assertNotIn("err " + word, log)

    def test_a_thread_printing_while_another_cell_runs_prints_to_its_own_cell(self):
        a = self.kernel.ok("""
CountDownLatch announce = new CountDownLatch(1);
Thread announcer = new Thread(() -> {
    try { announce.await(); } catch (InterruptedException e) { return; }
    System.out.println("announced by a thread of cell A");
}, "announcer");
announcer.start();
""", cell_id="cell-a")
        b = self.kernel.ok('announce.countDown(); announcer.join(); Thread.sleep(300); System.out.println("cell B done");',
                           cell_id="cell-b")
        self.assertEqual("cell B done\n", b.stream("stdout"), b.describe())
        self.assertIn("announced by a thread of cell A\n", self.text(self.parented_to(a)))

    def test_threads_printing_in_turn_are_batched_not_one_message_per_line(self):
        # Strictly in turn: each line comes from another thread than the line before.
        run = self.kernel.ok("""
AtomicInteger turn = new AtomicInteger();
Thread[] printers = new Thread[4];
for (int t = 0; t < printers.length; t++) {
    int id = t;
    printers[t] = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
            while (turn.get() % 4 != id) Thread.yield();
            System.out.println("printer " + id + " line " + i);
            turn.incrementAndGet();
        }
    }, "printer-" + t);
    printers[t].start();
}
for (Thread p : printers) p.join();
""")
        lines = run.stream("stdout").splitlines()
        self.assertEqual(800, len(lines))
        self.assertEqual(800, len(set(lines)), "every line whole and once")
        messages = [m for m in run.messages if m["msg_type"] == "stream"]
        self.assertLess(len(messages), 100, "%d stream messages for 800 lines of 4 threads" % len(messages))

    def test_threads_of_a_cell_run_again_print_to_the_running_cell_under_their_name(self):
        first = self.kernel.ok("""
CountDownLatch speak = new CountDownLatch(1);
Thread old = new Thread(() -> {
    try { speak.await(); } catch (InterruptedException e) { return; }
    System.out.println("from the old run");
    System.out.print("still ");
    System.out.println("the old run");
}, "old-echo");
old.start();
""", cell_id="cell-rerun")
        # Run again (edited, as users do): the first run's output is gone from the notebook.
        self.kernel.ok("int ranAgain = 1;", cell_id="cell-rerun")
        running = self.kernel.ok('speak.countDown(); old.join(); Thread.sleep(300); System.out.println("running cell");',
                                 cell_id="cell-c")
        self.assertEqual("[old-echo] from the old run\n[old-echo] still the old run\nrunning cell\n",
                         running.stream("stdout"), running.describe())
        self.assertNotIn("old run", self.text(self.parented_to(first)))


class SecurityTests(KernelTestCase):
    """Forged messages are dropped and logged, sockets listen on loopback only, the user VM port wants the secret."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scratch = tempfile.mkdtemp(prefix="jconcur-security-")
        cls.addClassCleanup(shutil.rmtree, cls.scratch, ignore_errors=True)

    def marker_cell(self, name):
        """Code that leaves a file behind if it ever runs, and that file."""
        path = os.path.join(self.scratch, name)
        return 'Files.writeString(Path.of("%s"), "ran");' % path, path

    def send_raw(self, frames, port_name="shell_port"):
        """Sends frames on a fresh DEALER socket; returns the socket (to look for a reply)."""
        info = self.kernel.connection()
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.linger = 0
        socket.connect("tcp://%s:%d" % (info["ip"], info[port_name]))
        socket.send_multipart(frames)
        return socket

    def execute_frames(self, code, key):
        """An execute_request serialized and signed by a jupyter_client Session with this key (b"": unsigned)."""
        session = Session(key=key)
        message = session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                                  "user_expressions": {}, "allow_stdin": False,
                                                  "stop_on_error": True})
        return session.serialize(message)

    def assert_dropped(self, frames, path, log_phrase):
        socket = self.send_raw(frames)
        try:
            self.assertEqual(0, socket.poll(3000), "the kernel replied to a forged message")
        finally:
            socket.close()
        # The kernel is still working, and a cell run after the forged one leaves no trace of it.
        self.assertEqual("42", self.kernel.value("41 + 1"))
        self.assertFalse(os.path.exists(path), "the forged message was executed")
        self.assertTrue(wait_until(lambda: log_phrase in self.kernel.log(), 5), "not logged: " + log_phrase)

    def test_wrong_key(self):
        code, path = self.marker_cell("wrong-key")
        self.assert_dropped(self.execute_frames(code, b"not the key"), path, "dropped a message: bad signature")

    def test_no_signature(self):
        code, path = self.marker_cell("unsigned")
        self.assert_dropped(self.execute_frames(code, b""), path, "dropped a message: missing signature")

    def test_tampered_content(self):
        code, path = self.marker_cell("tampered")
        frames = self.execute_frames("1 + 1", self.kernel.km.session.key)
        frames[-1] = json.dumps({"code": code, "silent": False}).encode()
        self.assert_dropped(frames, path, "dropped a message: bad signature")

    def test_replayed_message(self):
        path = os.path.join(self.scratch, "replayed")
        code = 'Files.writeString(Path.of("%s"), "x", StandardOpenOption.CREATE, StandardOpenOption.APPEND);' % path
        frames = self.execute_frames(code, self.kernel.km.session.key)
        first = self.send_raw(frames)
        try:
            self.assertTrue(first.poll(60000), "no reply to a correctly signed message")
        finally:
            first.close()
        self.assert_dropped(frames, os.path.join(self.scratch, "never"), "replayed message")
        with open(path) as f:
            self.assertEqual("x", f.read(), "the replayed message ran again")

    def test_sockets_listen_on_loopback_only(self):
        info = self.kernel.connection()
        self.assertEqual("127.0.0.1", info["ip"])
        self.kernel.ok("1")  # the user VM is up, its start-up listeners are closed
        ports = listening_ports(self.kernel.pid)
        expected = {info[k] for k in ("shell_port", "control_port", "stdin_port", "iopub_port", "hb_port")}
        self.assertEqual(expected, {port for _, port in ports}, ports)
        for address, port in ports:
            self.assertIn(address, ("127.0.0.1", "::ffff:127.0.0.1"), ports)
        for pid in self.kernel.user_vm_pids():
            self.assertEqual([], listening_ports(pid), "the user VM listens")
            for local, peer in established_peers(pid):
                self.assertTrue(peer.startswith("127.0.0.1:") or peer.startswith("[::ffff:127.0.0.1]:"), peer)

    def test_user_vm_ports_refuse_intruders(self):
        """While a fresh user VM starts, intruders connect to the ports it connects back to (the session port,
        which wants the secret, and the debug port, which wants the JDWP handshake) before it does: garbage is
        turned away, a silent client holds nothing up, the user VM starts and works."""
        for attempt in range(3):
            probe = UserVmPortProbe(self.kernel.pid, self.kernel.user_vm_pids())
            probe.start()
            run = self.kernel.run("System.exit(0);")
            self.assertEqual("SystemExit", run.reply.get("ename"), run.describe())
            started = time.monotonic()
            self.assertTrue(self.kernel.value(HELPERS_WORK).startswith(HELPERS_VALUE))
            figure("user_vm_ready_with_intruders", "%.2f s" % (time.monotonic() - started))
            probe.join(30)
            figure("user_vm_port_probe_attempt_%d" % attempt, probe.outcomes)
            if all(outcome == "closed by the kernel" for outcome in probe.outcomes.values()):
                log = self.kernel.log()
                self.assertIn("rejected a connection to the user VM port", log)
                self.assertIn("wrong session secret", log)
                self.assertIn("rejected a connection to the user VM debug port", log)
                self.assertIn("not a JDWP handshake", log)
                return
        self.fail("never reached the user VM ports while they listened: %s" % probe.outcomes)


class FuzzTests(KernelTestCase):
    """Malformed frames, bad JSON, wrong types, huge frames and random bytes on every channel: the kernel
    neither crashes nor hangs, answers every well-formed request, and answers kernel_info after each batch."""

    CHANNELS = ("shell_port", "control_port", "stdin_port", "iopub_port", "hb_port")

    @classmethod
    def setUpClass(cls):
        cls.seed = int(os.environ.get("JCONCUR_FUZZ_SEED", random.randrange(1 << 30)))
        figure("fuzz_seed", "%d (JCONCUR_FUZZ_SEED=%d repeats this run)" % (cls.seed, cls.seed))
        cls.random = random.Random(cls.seed)
        super().setUpClass()
        cls.info = cls.kernel.connection()
        cls.key = cls.kernel.km.session.key
        cls.context = zmq.Context()
        cls.addClassCleanup(cls.context.destroy, linger=0)
        cls.hb = HeartbeatProbe(cls.info, cls.context)
        cls.addClassCleanup(cls.hb.close)
        cls.kernel.ok("int before = 41;")

    def assert_alive(self, batch):
        self.assertTrue(process_alive(self.kernel.pid), "the kernel died after " + batch)
        started = time.monotonic()
        self.assertEqual("ok", self.kernel.kernel_info(timeout=30)["status"], batch)
        self.assertIsNotNone(self.hb.ping(timeout=10), "no heartbeat after " + batch)
        figure("fuzz_kernel_info_after_" + batch, "%.3f s" % (time.monotonic() - started))

    def bytes_(self, low, high):
        return self.random.randbytes(self.random.randint(low, high))

    def address(self, port_name):
        return "tcp://%s:%d" % (self.info["ip"], self.info[port_name])

    def socket(self, port_name):
        kind = zmq.XSUB if port_name == "iopub_port" else zmq.DEALER
        s = self.context.socket(kind)
        s.linger = 0
        s.sndhwm = 0
        s.connect(self.address(port_name))
        return s

    def sign(self, parts):
        mac = hmac.new(self.key, digestmod=hashlib.sha256)
        for part in parts:
            mac.update(part)
        return mac.hexdigest().encode()

    def signed(self, header, parent=b"{}", metadata=b"{}", content=b"{}", identities=(), buffers=()):
        parts = [p if isinstance(p, bytes) else json.dumps(p).encode() for p in (header, parent, metadata, content)]
        return list(identities) + [b"<IDS|MSG>", self.sign(parts)] + parts + list(buffers)

    def header(self, msg_type, **extra):
        h = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": "fuzz", "username": "fuzz",
             "date": "2020-01-01T00:00:00Z", "version": "5.4"}
        h.update(extra)
        return h

    def test_random_bytes_below_zeromq(self):
        """Raw TCP: random bytes, truncated and corrupted ZMTP greetings, a 1 MB blob, on all five ports."""
        greeting = b"\xff" + b"\x00" * 8 + b"\x7f" + b"\x03\x00" + b"NULL" + b"\x00" * 16
        for port_name in self.CHANNELS:
            for i in range(12):
                payload = [self.bytes_(1, 4096), greeting[:self.random.randint(1, len(greeting))],
                           greeting + self.bytes_(1, 4096), greeting + b"\x00" + self.bytes_(200, 400)][i % 4]
                if i == 11:
                    payload = greeting + self.random.randbytes(1 << 20)
                try:
                    with socket_module.create_connection((self.info["ip"], self.info[port_name]), timeout=5) as s:
                        s.sendall(payload)
                except OSError:
                    pass  # the kernel may close a broken connection while we still write: fine
        self.assert_alive("raw_tcp")

    def test_malformed_multipart_frames(self):
        """Valid ZeroMQ, garbage messages: random frames, stray delimiters, no or short parts, huge frames."""
        for port_name in self.CHANNELS:
            s = self.socket(port_name)
            for _ in range(60):
                frames = [self.bytes_(0, 2000) for _ in range(self.random.randint(1, 9))]
                if self.random.random() < 0.5:
                    frames.insert(self.random.randrange(len(frames) + 1), b"<IDS|MSG>")
                if port_name == "iopub_port" and self.random.random() < 0.5:
                    frames = [b"\x01" + frames[0]]  # a subscription, possibly huge or binary
                s.send_multipart(frames)
            s.send_multipart([b"<IDS|MSG>"])
            s.send_multipart([b"<IDS|MSG>", b"", b"", b"", b"", b""])
            s.send_multipart([b"<IDS|MSG>"] * 50)
            # One 32 MB frame. Not a subscription on iopub: libzmq keeps an XSUB's subscriptions in a trie that it
            # frees recursively, and a 32 MB one (a frame starting with 0x01) overflowed the stack of this test
            # process's libzmq reaper thread (segfault); the subscriptions above are up to 2 KB.
            big = self.random.randbytes(32 << 20)
            s.send(b"x" + big[1:] if port_name == "iopub_port" else big)
            s.send_multipart([b"x"] * 10000)  # many frames
            time.sleep(0.5)
            s.close()
            self.assert_alive("frames_" + port_name.replace("_port", ""))

    def test_signed_garbage_is_dropped(self):
        """Correct signatures over parts that are not a Jupyter message: bad JSON, not objects, no msg_type."""
        deep = b"[" * 100000 + b"]" * 100000
        broken = [
            (b"{", b"{}", b"{}", b"{}"), (b"\xff\xfe\x00", b"{}", b"{}", b"{}"), (b"[]", b"{}", b"{}", b"{}"),
            (b"null", b"{}", b"{}", b"{}"), (b'"text"', b"{}", b"{}", b"{}"), (deep, b"{}", b"{}", b"{}"),
            (b'{"msg_type": 5, "msg_id": "a"}', b"{}", b"{}", b"{}"), (b'{"msg_id": "b"}', b"{}", b"{}", b"{}"),
            (json.dumps(self.header("kernel_info_request")).encode(), b"[1]", b"{}", b"{}"),
            (json.dumps(self.header("kernel_info_request")).encode(), b"{}", b"7", b"{}"),
            (json.dumps(self.header("execute_request")).encode(), b"{}", b"{}", b'{"code": "1"} trailing'),
            (json.dumps(self.header("execute_request")).encode(), b"{}", b"{}", b'{"code": NaN'),
        ]
        for port_name in ("shell_port", "control_port", "stdin_port"):
            s = self.socket(port_name)
            for parts in broken:
                s.send_multipart(self.signed(*parts))
            self.assertEqual(0, s.poll(2000), "the kernel answered a message it should have dropped")
            s.close()
            self.assert_alive("signed_garbage_" + port_name.replace("_port", ""))

    def bad_requests(self):
        """(msg_type, content) pairs: well-formed messages with wrong or missing fields; each needs a reply."""
        huge = "x" * (8 << 20)
        return [
            ("execute_request", {"code": 5}), ("execute_request", {"code": None}),
            ("execute_request", {"code": ["a"]}), ("execute_request", {}),
            ("execute_request", {"code": "1", "silent": "yes", "store_history": {}}),
            ("execute_request", {"code": "1", "user_expressions": [1, 2]}),
            ("execute_request", {"code": "1", "user_expressions": {"a": 5, "b": "1 +", "c": "before"}}),
            ("execute_request", {"code": "\ud800 + \u0000"}),
            ("execute_request", {"code": "int " + "y" * 100000 + " = 1;"}),
            ("complete_request", {"code": "Str", "cursor_pos": 10 ** 12}),
            ("complete_request", {"code": "Str", "cursor_pos": -5}),
            ("complete_request", {"code": "Str", "cursor_pos": "x"}), ("complete_request", {}),
            ("inspect_request", {"code": "String", "cursor_pos": 10 ** 12, "detail_level": "max"}),
            ("inspect_request", {"code": None, "cursor_pos": -1}), ("inspect_request", {}),
            ("is_complete_request", {"code": 5}), ("is_complete_request", {}),
            ("is_complete_request", {"code": "{" * 10000}),
            ("history_request", {"hist_access_type": "range", "session": "x", "start": "a", "stop": 10 ** 20}),
            ("history_request", {"hist_access_type": "tail", "n": -1}),
            ("history_request", {"hist_access_type": "tail", "n": 10 ** 15}),
            ("history_request", {"hist_access_type": "search", "pattern": None, "n": "x"}),
            ("history_request", {"hist_access_type": 5}), ("history_request", {}),
            ("kernel_info_request", {"junk": [1, 2, 3]}), ("comm_info_request", {"target_name": 5}),
            ("connect_request", {}), ("interrupt_request", {"what": None}),
            ("a" * 10000, {}), ("execute_reply", {}), ("status", {"execution_state": "dead"}),
            ("../../etc/passwd", {}), ("unknown_request", {"payload": huge}),
        ]

    def test_wrong_types_are_answered(self):
        """Well-formed, correctly signed requests with wrong types: every one gets a reply (often an error)."""
        for port_name in ("shell_port", "control_port"):
            s = self.socket(port_name)
            sent = {}
            for msg_type, content in self.bad_requests():
                header = self.header(msg_type)
                if self.random.random() < 0.3:
                    header.update({"session": 5, "username": None, "date": "garbage", "version": "999"})
                sent[header["msg_id"]] = msg_type
                identities = [self.bytes_(1, 50) for _ in range(self.random.randint(0, 3))]
                s.send_multipart(self.signed(header, content=content, identities=identities,
                                             buffers=[self.bytes_(0, 100)] * self.random.randint(0, 2)))
            answered = {}
            deadline = time.monotonic() + 120
            while len(answered) < len(sent) and time.monotonic() < deadline:
                if not s.poll(1000):
                    continue
                frames = s.recv_multipart()
                parent = json.loads(frames[frames.index(b"<IDS|MSG>") + 3])
                answered[parent.get("msg_id")] = json.loads(frames[frames.index(b"<IDS|MSG>") + 2])["msg_type"]
            s.close()
            missing = {k: v[:40] for k, v in sent.items() if k not in answered}
            self.assertEqual({}, missing, "requests without a reply on " + port_name)
            self.assert_alive("wrong_types_" + port_name.replace("_port", ""))
        self.assertEqual("42", self.kernel.value("before + 1"))

    def test_stray_input_replies_answer_nothing(self):
        """Signed input_reply messages nobody asked for wait on stdin; a later real input request ignores them."""
        s = self.socket("stdin_port")
        for _ in range(20):
            s.send_multipart(self.signed(self.header("input_reply"), content={"value": "FORGED"}))
        s.send_multipart(self.signed(self.header("input_reply"), content={"value": 5}))
        time.sleep(0.5)
        s.close()
        self.assert_alive("stray_input_replies")
        run = self.kernel.run('String line = new Scanner(System.in).nextLine(); System.out.println("got " + line);',
                              stdin_answer="typed", timeout=60)
        self.assertEqual("ok", run.status, run.describe())
        self.assertIn("got typed", run.stream("stdout"))

    def test_zz_kernel_log_has_no_crash(self):
        """After the batches (this test runs last): no thread of the kernel died, nothing ran out of memory."""
        log = self.kernel.log()
        for sign in ("Exception in thread", "OutOfMemoryError"):
            self.assertNotIn(sign, log)
        self.assertEqual("42", self.kernel.value("before + 1"))
        run = self.kernel.run('System.out.println("spinning"); while (true) {}',
                              interrupt_on=lambda m: m["msg_type"] == "stream" and "spinning" in m["content"]["text"])
        self.assertIn("Interrupted", run.error_text())


class UserVmPortProbe(threading.Thread):
    """Waits for a new user VM (child of the kernel), reads the ports it connects back to from its command
    line and gets there first: garbage to both, plus a silent client on the debug port."""

    SESSION_MAIN = "jconcur.kernel.uservm.UserVmMain"
    DEBUG_PORT = re.compile(r"-agentlib:jdwp=.*address=127\.0\.0\.1:(\d+)")

    def __init__(self, kernel_pid, old_children):
        super().__init__(daemon=True)
        self.kernel_pid = kernel_pid
        self.old = set(old_children)
        self.outcomes = {"session": "no new user VM seen", "debug": "no new user VM seen"}

    def run(self):
        child = wait_until(lambda: [p for p in children(self.kernel_pid) if p not in self.old], 30, step=0.002)
        if not child:
            return
        ports = wait_until(lambda: self.ports(child[0]), 5, step=0.001)
        if not ports:
            self.outcomes = {"session": "no ports on the command line", "debug": "no ports on the command line"}
            return
        session_port, debug_port = ports
        silent = None
        try:
            silent = socket_module.create_connection(("127.0.0.1", debug_port), timeout=10)
        except OSError:
            pass
        probes = [threading.Thread(target=self.garbage, args=(name, port))
                  for name, port in (("debug", debug_port), ("session", session_port))]
        for p in probes:
            p.start()
        for p in probes:
            p.join(20)
        if silent is not None:
            silent.close()

    def garbage(self, name, port):
        try:
            with socket_module.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(b"garbage!" * 20)
                while True:  # the debug port greets first ("JDWP-Handshake"); then it must close
                    data = s.recv(100)
                    if data == b"":
                        self.outcomes[name] = "closed by the kernel"
                        return
                    if not b"JDWP-Handshake".startswith(data) and not data.startswith(b"JDWP"):
                        self.outcomes[name] = "kernel answered %r" % data[:20]
                        return
        except ConnectionRefusedError:
            self.outcomes[name] = "refused (the user VM was already connected)"
        except (ConnectionResetError, BrokenPipeError):
            self.outcomes[name] = "closed by the kernel"
        except socket_module.timeout:
            self.outcomes[name] = "kernel kept the connection open for 10 s"

    @classmethod
    def ports(cls, pid):
        """(session port, debug port) from the user VM's command line, or None before it is readable."""
        try:
            with open("/proc/%d/cmdline" % pid, "rb") as f:
                args = f.read().decode().split("\0")
        except FileNotFoundError:
            return None
        debug = [int(m.group(1)) for m in map(cls.DEBUG_PORT.match, args) if m]
        if cls.SESSION_MAIN not in args or not debug:
            return None
        return int(args[args.index(cls.SESSION_MAIN) + 1]), debug[0]


if __name__ == "__main__":
    unittest.main()
