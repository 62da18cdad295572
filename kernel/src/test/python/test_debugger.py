"""The visual debugger through the real kernel, driven by jupyter_client playing JupyterLab's debugger: debug_request on
control (answered while a cell is paused at a breakpoint), DAP events on IOPub, breakpoints by cell line,
stack frames named by the cell's path, variables read from the paused thread, stepping, continue, disconnect;
and a pool thread paused while another thread keeps running.

Run by KernelClientSuitesIT with JUPYTER_PATH pointing at a freshly installed kernelspec:
    .venv/bin/python -m unittest -v test_debugger
"""

import time
import unittest

from ipykernel.compiler import murmur2_x86

from kernel_harness import RunningKernel, figure

CELL = """int total = 0;
for (int i = 1; i <= 3; i++) {
    total += i * 10;
}
String label = "total=" + total;
label
"""
BREAK_LINE = 3  # total += i * 10;

COUNTER_CELL = """var counter = new java.util.concurrent.atomic.AtomicLong();
var ticker = new Thread(() -> { while (!Thread.currentThread().isInterrupted()) counter.incrementAndGet(); }, "ticker");
ticker.setDaemon(true);
ticker.start();
"""
POOL_CELL = """var pool = java.util.concurrent.Executors.newFixedThreadPool(1, r -> new Thread(r, "worker"));
var answer = pool.submit(() -> {
    var seen = counter;
    int secret = 6 * 7;
    return secret;
});
int got = answer.get();
pool.shutdown();
got
"""
POOL_BREAK_LINE = 5  # return secret;


METHOD_CELL = """int twice(int x) {
    int doubled = x * 2;
    return doubled;
}
"""
METHOD_BREAK_LINE = 3  # return doubled;
CALL_CELL = """int answer = twice(21);
answer
"""

LOCKS_CELL = """Object monitor = new Object();
var lock = new java.util.concurrent.locks.ReentrantLock();
var holding = new java.util.concurrent.CountDownLatch(1);
Thread holder = new Thread(() -> {
    synchronized (monitor) {
        lock.lock();
        holding.countDown();
        try { Thread.sleep(600_000); } catch (InterruptedException e) { } finally { lock.unlock(); }
    }
}, "holder");
holder.setDaemon(true);
holder.start();
holding.await();
Thread blocked = new Thread(() -> { synchronized (monitor) { } }, "blocked");
blocked.setDaemon(true);
blocked.start();
Thread parked = new Thread(() -> lock.lock(), "parked");
parked.setDaemon(true);
parked.start();
while (blocked.getState() != Thread.State.BLOCKED || parked.getState() != Thread.State.WAITING) Thread.sleep(10);
"""
TIMED_CELL = """%%time
long sum = 0;
for (int k = 1; k <= 4; k++) {
    sum += k;
}
sum
"""
TIMED_BREAK_LINE = 4  # sum += k;

PROBE_CELL = """Thread.onSpinWait();
"""
SPIN_CELL = """while (true) {
    Thread.onSpinWait();
}
"""

VIRTUAL_CELL = """var done = Thread.ofVirtual().name("virtual-worker").start(() -> {
    int inVirtual = 7;
    System.out.println(inVirtual);
});
done.join();
"""
VIRTUAL_BREAK_LINE = 3  # System.out.println(inVirtual);


class Debugger:
    """JupyterLab's side: DAP requests in debug_request messages on control, DAP events read from IOPub."""

    def __init__(self, kernel):
        self.kc = kernel.kc
        self.seq = 0
        self.events = []

    def request(self, command, arguments=None, timeout=30):
        self.seq += 1
        content = {"type": "request", "seq": self.seq, "command": command, "arguments": arguments or {}}
        msg = self.kc.session.msg("debug_request", content)
        self.kc.control_channel.send(msg)
        deadline = time.monotonic() + timeout
        while True:
            reply = self.kc.get_control_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                break
        self.wait_iopub(lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
                        and m["parent_header"].get("msg_id") == msg["header"]["msg_id"], timeout)
        body = reply["content"]
        assert body["type"] == "response" and body["command"] == command and body["request_seq"] == self.seq, body
        return body

    def ok(self, command, arguments=None):
        response = self.request(command, arguments)
        assert response["success"], response
        return response.get("body", {})

    def wait_iopub(self, predicate, timeout=30):
        """The first IOPub message (seen before or arriving now) that matches; it is consumed."""
        deadline = time.monotonic() + timeout
        while True:
            for i, m in enumerate(self.events):
                if predicate(m):
                    return self.events.pop(i)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("no matching IOPub message in %ss; seen: %s" % (
                    timeout, [(m["msg_type"], m["content"].get("event")) for m in self.events][-30:]))
            try:
                self.events.append(self.kc.get_iopub_msg(timeout=min(remaining, 1.0)))
            except Exception:
                pass

    def event(self, name, timeout=60):
        return self.wait_iopub(lambda m: m["msg_type"] == "debug_event" and m["content"]["event"] == name,
                               timeout)["content"]

    def variables(self, reference):
        return {v["name"]: v for v in self.ok("variables", {"variablesReference": reference})["variables"]}

    def scope(self, frame_id, name):
        scopes = {s["name"]: s for s in self.ok("scopes", {"frameId": frame_id})["scopes"]}
        return self.variables(scopes[name]["variablesReference"])


def cell_result_or_idle(dbg, msg_id, timeout=60):
    dbg.wait_iopub(lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
                   and m["parent_header"].get("msg_id") == msg_id, timeout)


def cell_result(dbg, msg_id, timeout=60):
    result = dbg.wait_iopub(lambda m: m["msg_type"] == "execute_result"
                            and m["parent_header"].get("msg_id") == msg_id, timeout)
    dbg.wait_iopub(lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
                   and m["parent_header"].get("msg_id") == msg_id, timeout)
    return result["content"]["data"]["text/plain"]


class DebuggerTests(unittest.TestCase):

    def setUp(self):
        self.kernel = RunningKernel(user_vm_options=None)
        self.dbg = Debugger(self.kernel)
        self.kernel.ok("1 + 1", timeout=120)  # the user VM is up

    def tearDown(self):
        self.kernel.shutdown()

    def test_the_kernel_advertises_the_debugger(self):
        info = self.kernel.kernel_info()
        self.assertIn("debugger", info["supported_features"])
        self.assertTrue(info["debugger"])

    def start_debugging(self):
        info = self.dbg.ok("debugInfo")
        self.assertEqual("Murmur2", info["hashMethod"])
        self.assertFalse(info["isStarted"])
        self.assertEqual([], info["stoppedThreads"])
        capabilities = self.dbg.ok("initialize", {"clientID": "jupyterlab", "adapterID": "jconcur",
                                                  "pathFormat": "path", "linesStartAt1": True})
        self.assertTrue(capabilities["supportsConfigurationDoneRequest"])
        self.dbg.ok("attach")
        self.assertTrue(self.dbg.ok("debugInfo")["isStarted"])
        return info

    def dump_and_break(self, info, code, line):
        path = self.dbg.ok("dumpCell", {"code": code})["sourcePath"]
        # JupyterLab names the cell the same way: prefix + Murmur2 of the code + suffix.
        self.assertEqual("%s%d%s" % (info["tmpFilePrefix"], murmur2_x86(code, info["hashSeed"]),
                                     info["tmpFileSuffix"]), path)
        set_ = self.dbg.ok("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": line}],
                                              "lines": [line], "sourceModified": False})
        self.assertEqual([line], [b["line"] for b in set_["breakpoints"]])
        return path

    def test_jupyterlab_sequence_stops_at_the_line_shows_variables_steps_and_continues(self):
        info = self.start_debugging()
        path = self.dump_and_break(info, CELL, BREAK_LINE)
        self.dbg.ok("configurationDone")
        self.assertEqual([{"source": {"path": path}, "breakpoints": [{"line": BREAK_LINE}]}],
                         self.dbg.ok("debugInfo")["breakpoints"])

        began = time.monotonic()
        msg_id = self.kernel.kc.execute(CELL)
        stopped = self.dbg.event("stopped")
        figure("breakpoint_hit", "%.2f s after execute" % (time.monotonic() - began))
        self.assertEqual("breakpoint", stopped["body"]["reason"])
        thread = stopped["body"]["threadId"]
        self.assertEqual([thread], self.dbg.ok("debugInfo")["stoppedThreads"])

        frames = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"]
        self.assertEqual(path, frames[0]["source"]["path"], frames)
        self.assertEqual(BREAK_LINE, frames[0]["line"], frames)
        self.assertTrue(all("source" in f for f in frames), frames)  # JDK and jconcur frames are hidden
        self.assertEqual("1", self.dbg.scope(frames[0]["id"], "Locals")["i"]["value"])
        # total is the cell's top-level variable: a notebook variable, not a local of the loop's snippet.
        self.assertEqual("0", self.dbg.scope(frames[0]["id"], "Notebook")["total"]["value"])
        threads = self.dbg.scope(frames[0]["id"], "Threads")
        self.assertIn("main", threads)
        self.assertEqual("paused by the debugger", threads["main"]["value"])

        # Variable and field paths evaluate without running user code.
        self.assertEqual("1", self.dbg.ok("evaluate", {"expression": "i", "frameId": frames[0]["id"],
                                                      "context": "repl"})["result"])
        self.assertFalse(self.dbg.request("evaluate", {"expression": "i + 1", "frameId": frames[0]["id"]})["success"])

        self.dbg.ok("next", {"threadId": thread})
        stepped = self.dbg.event("stopped")
        self.assertEqual("step", stepped["body"]["reason"])
        frames = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"]
        self.assertEqual(2, frames[0]["line"], frames)  # back to the loop header
        self.assertEqual("10", self.dbg.scope(frames[0]["id"], "Notebook")["total"]["value"])

        # The breakpoint again on the next two rounds, then the result.
        for expected_total in ("10", "30"):
            self.dbg.ok("continue", {"threadId": thread})
            self.dbg.event("stopped")
            frames = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"]
            self.assertEqual(expected_total, self.dbg.scope(frames[0]["id"], "Notebook")["total"]["value"])
        self.dbg.ok("continue", {"threadId": thread})
        self.assertEqual('"total=60"', cell_result(self.dbg, msg_id))

        # What JupyterLab's variables panel asks on every output: the notebook's variables, nothing paused.
        inspected = {v["name"]: v["value"] for v in self.dbg.ok("inspectVariables")["variables"]}
        self.assertEqual("60", inspected["total"])
        self.assertEqual('"total=60"', inspected["label"])

        self.dbg.ok("disconnect", {"restart": False, "terminateDebuggee": False})
        info = self.dbg.ok("debugInfo")
        self.assertFalse(info["isStarted"])
        self.assertEqual([], info["breakpoints"])
        # Without the debugger the same cell runs through.
        self.assertEqual('"total=60"', self.kernel.value(CELL))

    def test_a_pool_thread_pauses_while_another_thread_keeps_running(self):
        info = self.start_debugging()
        self.kernel.ok(COUNTER_CELL)
        self.dump_and_break(info, POOL_CELL, POOL_BREAK_LINE)
        msg_id = self.kernel.kc.execute(POOL_CELL)
        stopped = self.dbg.event("stopped")
        thread = stopped["body"]["threadId"]
        frames = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"]
        self.assertEqual(POOL_BREAK_LINE, frames[0]["line"], frames)
        self.assertEqual("42", self.dbg.scope(frames[0]["id"], "Locals")["secret"]["value"])
        threads = self.dbg.scope(frames[0]["id"], "Threads")
        self.assertEqual("paused by the debugger", threads["worker"]["value"])
        self.assertNotEqual("paused by the debugger", threads["ticker"]["value"])

        # The ticker thread counts on while the worker is paused (read through JDI: no user code runs).
        first = self.counter_value(thread)
        self.assertTrue(wait_for(lambda: self.counter_value(thread) > first, 10), "the counter did not advance")
        figure("counter_while_paused", "%d -> %d" % (first, self.counter_value(thread)))
        self.dbg.ok("continue", {"threadId": thread})
        self.assertEqual("42", cell_result(self.dbg, msg_id))
        self.dbg.ok("disconnect")

    def test_interrupt_while_paused_ends_the_cell_and_the_next_cell_runs(self):
        info = self.start_debugging()
        self.dump_and_break(info, CELL, BREAK_LINE)
        msg_id = self.kernel.kc.execute(CELL)
        self.dbg.event("stopped")
        self.kernel.interrupt()
        reply = self.kernel.shell_reply(msg_id, 30)
        self.assertEqual("error", reply["status"], reply)
        self.dbg.event("continued")
        self.assertEqual([], self.dbg.ok("debugInfo")["stoppedThreads"])
        self.dbg.ok("disconnect")
        self.assertEqual("2", self.kernel.value("1 + 1"))

    def test_a_method_of_an_earlier_cell_stops_where_it_was_written_and_disconnect_lets_it_finish(self):
        self.kernel.ok(METHOD_CELL)
        info = self.start_debugging()
        method_path = self.dump_and_break(info, METHOD_CELL, METHOD_BREAK_LINE)
        call_path = self.dbg.ok("dumpCell", {"code": CALL_CELL})["sourcePath"]
        msg_id = self.kernel.kc.execute(CALL_CELL)
        thread = self.dbg.event("stopped")["body"]["threadId"]
        frames = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"]
        self.assertEqual([(method_path, METHOD_BREAK_LINE), (call_path, 1)],
                         [(f["source"]["path"], f["line"]) for f in frames])
        self.assertEqual("twice", frames[0]["name"])
        locals_ = self.dbg.scope(frames[0]["id"], "Locals")
        self.assertEqual(("21", "42"), (locals_["x"]["value"], locals_["doubled"]["value"]))
        # Disconnecting removes the breakpoints and lets the paused thread finish the cell.
        self.dbg.ok("disconnect")
        self.assertEqual("42", cell_result(self.dbg, msg_id))

    def test_a_user_vm_that_ends_while_paused_ends_the_pause_and_breakpoints_hold_in_the_next_one(self):
        info = self.start_debugging()
        self.dump_and_break(info, CELL, BREAK_LINE)
        self.kernel.ok('new Thread(() -> { try { Thread.sleep(1500); } catch (InterruptedException e) {} '
                       'System.exit(3); }).start();')
        msg_id = self.kernel.kc.execute(CELL)
        self.dbg.event("stopped")
        reply = self.kernel.shell_reply(msg_id, 60)  # the VM exits under the paused cell
        self.assertEqual("error", reply["status"], reply)
        self.assertTrue(self.dbg.event("continued")["body"]["allThreadsContinued"])
        self.assertEqual([], self.dbg.ok("debugInfo")["stoppedThreads"])
        # The next user VM gets the breakpoints when its first cell runs.
        msg_id = self.kernel.kc.execute(CELL)
        thread = self.dbg.event("stopped", timeout=120)["body"]["threadId"]
        self.assertEqual(BREAK_LINE, self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"][0]["line"])
        self.dbg.ok("disconnect")
        self.assertEqual('"total=60"', cell_result(self.dbg, msg_id))

    def test_step_in_enters_a_method_of_an_earlier_cell_and_step_out_returns(self):
        self.kernel.ok(METHOD_CELL)
        info = self.start_debugging()
        method_path = self.dbg.ok("dumpCell", {"code": METHOD_CELL})["sourcePath"]
        call_path = self.dump_and_break(info, CALL_CELL, 1)
        msg_id = self.kernel.kc.execute(CALL_CELL)
        thread = self.dbg.event("stopped")["body"]["threadId"]
        self.dbg.ok("stepIn", {"threadId": thread})
        self.assertEqual("step", self.dbg.event("stopped")["body"]["reason"])
        top = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"][0]
        self.assertEqual((method_path, 2, "twice"), (top["source"]["path"], top["line"], top["name"]))
        self.dbg.ok("stepOut", {"threadId": thread})
        self.dbg.event("stopped")
        top = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"][0]
        self.assertEqual((call_path, 1), (top["source"]["path"], top["line"]))
        self.dbg.ok("continue", {"threadId": thread})
        self.assertEqual("42", cell_result(self.dbg, msg_id))
        self.dbg.ok("disconnect")

    def test_the_threads_scope_shows_who_waits_for_which_lock_held_by_whom(self):
        self.kernel.ok(LOCKS_CELL)
        info = self.start_debugging()
        self.dump_and_break(info, PROBE_CELL, 1)
        msg_id = self.kernel.kc.execute(PROBE_CELL)
        thread = self.dbg.event("stopped")["body"]["threadId"]
        frame = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"][0]
        threads = self.dbg.scope(frame["id"], "Threads")
        blocked, parked = threads["blocked"]["value"], threads["parked"]["value"]
        self.assertRegex(blocked, r"^blocked on java\.lang\.Object@\d+ held by holder$")
        self.assertRegex(parked, r"^waiting on .*ReentrantLock\$NonfairSync@\d+ held by holder$")
        holder = self.dbg.variables(threads["holder"]["variablesReference"])
        self.assertEqual("sleeping", holder["state"]["value"])
        self.assertEqual(blocked.split(" ")[2], holder["holds"]["value"])  # the monitor blocked waits for
        self.assertIn("JDI shows platform threads only", threads["virtual threads"]["value"])
        figure("threads_scope", "blocked: %s; parked: %s" % (blocked, parked))
        self.dbg.ok("disconnect")
        cell_result_or_idle(self.dbg, msg_id)

    def test_pause_stops_the_running_cell_and_interrupt_still_ends_it(self):
        self.start_debugging()
        msg_id = self.kernel.kc.execute(SPIN_CELL)
        self.dbg.wait_iopub(lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "busy"
                            and m["parent_header"].get("msg_id") == msg_id)
        time.sleep(0.5)
        self.dbg.ok("pause", {"threadId": 1})  # what JupyterLab sends when no thread is stopped yet
        stopped = self.dbg.event("stopped")
        self.assertEqual("pause", stopped["body"]["reason"])
        frames = self.dbg.ok("stackTrace", {"threadId": stopped["body"]["threadId"]})["stackFrames"]
        self.assertIn(frames[0]["line"], (1, 2), frames)
        self.kernel.interrupt()
        self.assertEqual("error", self.kernel.shell_reply(msg_id, 30)["status"])
        self.dbg.ok("disconnect")

    def test_a_virtual_thread_stops_at_a_breakpoint_with_its_locals(self):
        info = self.start_debugging()
        path = self.dump_and_break(info, VIRTUAL_CELL, VIRTUAL_BREAK_LINE)
        msg_id = self.kernel.kc.execute(VIRTUAL_CELL)
        thread = self.dbg.event("stopped")["body"]["threadId"]
        frame = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"][0]
        self.assertEqual((path, VIRTUAL_BREAK_LINE), (frame["source"]["path"], frame["line"]))
        self.assertEqual("7", self.dbg.scope(frame["id"], "Locals")["inVirtual"]["value"])
        self.dbg.ok("continue", {"threadId": thread})
        self.dbg.wait_iopub(lambda m: m["msg_type"] == "stream" and "7" in m["content"]["text"])
        cell_result_or_idle(self.dbg, msg_id)
        self.dbg.ok("disconnect")

    def test_a_breakpoint_in_a_magic_cell_stops_at_its_line_under_the_cells_own_path(self):
        """JupyterLab names a cell by the hash of its whole text, magic line included."""
        info = self.start_debugging()
        path = self.dump_and_break(info, TIMED_CELL, TIMED_BREAK_LINE)
        msg_id = self.kernel.kc.execute(TIMED_CELL)
        thread = self.dbg.event("stopped")["body"]["threadId"]
        frames = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"]
        self.assertEqual((path, TIMED_BREAK_LINE), (frames[0]["source"]["path"], frames[0]["line"]), frames)
        self.assertEqual("1", self.dbg.scope(frames[0]["id"], "Locals")["k"]["value"])
        self.dbg.ok("disconnect")
        self.assertEqual("10", cell_result(self.dbg, msg_id))

    def test_unknown_commands_get_an_error_response(self):
        response = self.dbg.request("richInspectVariables", {"variableName": "x"})
        self.assertFalse(response["success"])
        self.assertIn("richInspectVariables", response["message"])

    def counter_value(self, thread):
        """The ticker's count as the paused lambda's local 'seen' (the AtomicLong) shows it now."""
        frames = self.dbg.ok("stackTrace", {"threadId": thread})["stackFrames"]
        return int(self.dbg.scope(frames[0]["id"], "Locals")["seen"]["value"])


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


if __name__ == "__main__":
    unittest.main()
