"""Drives the installed jconcur kernel with jupyter_client and checks every magic.

usage: magics_it.py JAVA KERNEL_JAR WORKDIR

Prints one JSON line per check: {"name": ..., "ok": true|false, "detail": ...}. Exit status 0 when the
kernel could be driven (failed checks included), 1 when it could not start.
"""
import json
import os
import queue
import re
import sys
import tempfile
import time
import traceback

from jupyter_client.manager import KernelManager

JAVA, JAR, WORKDIR = sys.argv[1:4]
TIME_UNIT = r"(?:s|ms|\u00b5s|ns|\d+min(?: \d+s)?)"
CPU_TIMES = re.compile(r"CPU times: user [\d.e+-]+ " + TIME_UNIT + r", sys: [\d.e+-]+ " + TIME_UNIT
                       + r", total: [\d.e+-]+ " + TIME_UNIT + r"\nWall time: [\d.e+-]+ " + TIME_UNIT)


def timeit_line(runs, loops):
    return re.compile(r"^[\d.e+-]+ " + TIME_UNIT + r" \u00b1 [\d.e+-]+ " + TIME_UNIT
                      + r" per loop \(mean \u00b1 std\. dev\. of " + runs + r" runs?, " + loops + r" loops? each\)$", re.M)


class Cell:
    """What one execute_request produced."""

    def __init__(self):
        self.stdout = ""
        self.stderr = ""
        self.displays = []
        self.result = None
        self.errors = []
        self.status = None

    def text(self):
        return self.stdout + "".join(d.get("text/plain", "") for d in self.displays) + \
            (self.result or {}).get("text/plain", "")

    def __repr__(self):
        return json.dumps({"status": self.status, "stdout": self.stdout[-1500:], "stderr": self.stderr[-1500:],
                           "displays": [d.get("text/plain", "")[-800:] for d in self.displays],
                           "result": self.result, "errors": [e[:2] for e in self.errors]})


class Driver:
    def __init__(self):
        self.jupyter_dir = tempfile.mkdtemp(prefix="jconcur-magics-it")
        spec_dir = os.path.join(self.jupyter_dir, "kernels", "jconcur-it")
        os.makedirs(spec_dir)
        with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
            json.dump({"argv": [JAVA, "-jar", JAR, "kernel", "{connection_file}"], "display_name": "jconcur IT",
                       "language": "java", "interrupt_mode": "message"}, f)
        os.environ["JUPYTER_PATH"] = self.jupyter_dir
        self.km = KernelManager(kernel_name="jconcur-it")
        self.km.start_kernel(cwd=WORKDIR)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

    def run(self, code, timeout=180, interrupt_after=None):
        msg_id = self.kc.execute(code)
        cell = Cell()
        started = time.time()
        deadline = started + timeout
        interrupted = False
        idle = False
        while not idle:
            if interrupt_after is not None and not interrupted and time.time() > started + interrupt_after:
                self.km.interrupt_kernel()
                interrupted = True
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                if time.time() > deadline:
                    raise TimeoutError("no idle within %ss for %r" % (timeout, code))
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                if content["name"] == "stdout":
                    cell.stdout += content["text"]
                else:
                    cell.stderr += content["text"]
            elif kind in ("display_data", "update_display_data"):
                cell.displays.append(content["data"])
            elif kind == "execute_result":
                cell.result = content["data"]
            elif kind == "error":
                cell.errors.append((content["ename"], content["evalue"], content["traceback"]))
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        reply = self.kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=30)
        cell.status = reply["content"]["status"]
        return cell

    def shell(self, method, *args):
        msg_id = getattr(self.kc, method)(*args)
        reply = self.kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=60)
        return reply["content"]

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


CHECKS = []


def check(fn):
    CHECKS.append(fn)
    return fn


def expect(condition, message, cell=None):
    if not condition:
        raise AssertionError(message + ("" if cell is None else "\n" + repr(cell)))


def ok(cell):
    expect(cell.status == "ok" and not cell.errors, "cell failed", cell)


def failed(cell, ename):
    expect(cell.status == "error", "expected an error reply", cell)
    expect(len(cell.errors) == 1, "expected exactly one error output", cell)
    expect(cell.errors[0][0] == ename, "expected %s" % ename, cell)


@check
def lsmagic(k):
    c = k.run("%lsmagic")
    ok(c)
    for name in ["%time", "%timeit", "%%time", "%%timeit", "%%test", "%maven", "%addMavenDependency", "%classpath",
                 "%jars", "%load", "%loadFromPOM", "%jvm", "%threads", "%reset", "%%bash", "%mavenRepo"]:
        expect(re.search(r"(^|\s)" + re.escape(name) + r"(\s|$)", c.stdout), name + " missing from %lsmagic", c)


@check
def help_with_question_mark(k):
    c = k.run("%timeit?")
    ok(c)
    expect("%timeit [-n N] [-r R]" in c.stdout and "loops" in c.stdout, "no %timeit help", c)


@check
def unknown_magic_suggests_close_names(k):
    c = k.run("%tiem 1 + 1")
    failed(c, "UsageError")
    expect("%tiem" in c.errors[0][1] and "%time" in c.errors[0][1], "no suggestion of %time", c)
    c = k.run("%%tset\n@Test void t() {}")
    failed(c, "UsageError")
    expect("%%test" in c.errors[0][1], "no suggestion of %%test", c)


@check
def time_expression(k):
    c = k.run("%time 6 * 7")
    ok(c)
    expect(CPU_TIMES.search(c.stdout), "no IPython-style CPU/Wall times", c)
    expect(c.result is not None and "42" in c.result["text/plain"], "value of the expression not shown", c)


@check
def time_cell_keeps_declarations(k):
    c = k.run("%%time\nint answer = 6 * 7;\nSystem.out.println(\"computed\");")
    ok(c)
    expect("computed" in c.stdout and CPU_TIMES.search(c.stdout), "no output or no times", c)
    c = k.run("answer + 1")
    ok(c)
    expect("43" in c.result["text/plain"], "declaration inside %%time lost", c)


@check
def time_counts_cpu_of_worker_threads(k):
    c = k.run("%time IntStream.range(0, 2).parallel().mapToDouble(i -> { double x = 0; "
              "long end = System.nanoTime() + 300_000_000L; while (System.nanoTime() < end) x += Math.sqrt(x + i); "
              "return x; }).sum() > 0")
    ok(c)
    # Two threads each spin 300 ms of wall time; on a loaded machine they get less CPU, but never none.
    m = re.search(r"total: ([\d.]+) (s|ms|\u00b5s)", c.stdout)
    expect(m and float(m.group(1)) > 0, "no CPU time counted for busy threads", c)


@check
def timeit_fixed_loops(k):
    c = k.run("%timeit -n 5 -r 3 Math.sqrt(2)")
    ok(c)
    expect(timeit_line("3", "5").search(c.stdout), "not IPython's timeit line", c)


@check
def timeit_automatic_loops(k):
    c = k.run("%timeit Math.sqrt(12345.0)")
    ok(c)
    expect(timeit_line("7", r"(1|10|100|1,000|10,000|100,000|1,000,000|10,000,000|100,000,000|1,000,000,000)")
           .search(c.stdout), "not IPython's timeit line with 7 runs and a power of ten of loops", c)


@check
def timeit_cell_with_setup(k):
    c = k.run("%%timeit -n 3 -r 2 int[] data = new int[10_000];\nArrays.fill(data, 1);\nArrays.stream(data).sum()")
    ok(c)
    expect(timeit_line("2", "3").search(c.stdout), "no timeit line", c)


@check
def timeit_returns_result(k):
    c = k.run("%timeit -o -q -n 2 -r 2 Math.sqrt(3)")
    ok(c)
    expect(c.stdout.strip() == "", "-q printed something", c)
    expect(c.result is not None and "per loop" in c.result["text/plain"], "-o did not return the result", c)


@check
def test_magic_passes(k):
    ok(k.run("int twice(int x) { return 2 * x; }"))
    c = k.run("%%test\n@Test void doubles() { assertEquals(4, twice(2)); }\n@Test void doublesZero() { assertEquals(0, twice(0)); }")
    ok(c)
    expect(c.stderr == "", "stderr output", c)
    expect(any("text/html" in d and "PASS" in d["text/html"] for d in c.displays), "no HTML pass table", c)
    expect(any("2 passed, 0 failed" in d.get("text/plain", "") for d in c.displays), "no text summary", c)


@check
def test_magic_failure_is_one_error(k):
    c = k.run("%%test\n@Test void right() { assertEquals(4, twice(2)); }\n"
              "@Test void wrong() { assertEquals(5, twice(2), \"twice(2)\"); }")
    failed(c, "TestFailure")
    expect(c.stderr == "", "a failed test cell must not write to stderr (nbgrader counts stderr)", c)
    expect("1 of 2" in c.errors[0][1] and "wrong" in c.errors[0][1], "error does not name the failed test", c)
    table = "".join(d.get("text/plain", "") for d in c.displays)
    expect("FAIL" in table and "expected: <5> but was: <4>" in table, "no failure message in the table", c)


@check
def test_magic_with_test_class(k):
    c = k.run("%%test\nclass TwiceTests {\n  @Test void three() { assertEquals(6, twice(3)); }\n"
              "  @ParameterizedTest @ValueSource(ints = {1, 2}) void even(int x) { assertEquals(0, twice(x) % 2); }\n}")
    ok(c)
    expect(any("3 passed, 0 failed" in d.get("text/plain", "") for d in c.displays), "class tests not all run", c)


@check
def test_magic_without_tests(k):
    c = k.run("%%test\nvoid notATest() {}")
    failed(c, "NoTestsFound")


@check
def assert_statements_are_checked(k):
    c = k.run("assert twice(2) == 5 : \"twice is wrong\";")
    expect(c.status == "error" and len(c.errors) == 1, "assert did not fail: is the user VM running with -ea?", c)
    expect("AssertionError" in c.errors[0][0] and "twice is wrong" in c.errors[0][1], "not an AssertionError", c)


@check
def bash_streams_and_fails_on_status(k):
    c = k.run("%%bash\necho hello from bash\necho to stderr 1>&2")
    ok(c)
    expect("hello from bash" in c.stdout and "to stderr" in c.stderr, "bash output not streamed", c)
    c = k.run("%%bash\necho before\nexit 3")
    failed(c, "CalledProcessError")
    expect("before" in c.stdout and "status 3" in c.errors[0][1], "exit status not reported", c)


@check
def bash_interrupt(k):
    start = time.time()
    c = k.run("%%bash\necho sleeping\nsleep 600", timeout=120, interrupt_after=3)
    failed(c, "Interrupted")
    expect(time.time() - start < 120, "interrupt did not stop bash")


@check
def classpath_and_jars(k):
    c = k.run("%classpath classes")
    ok(c)
    c = k.run("new demo.Greeter().greet(\"classes\")")
    ok(c)
    expect("hello classes" in c.result["text/plain"], "class from a directory not loaded", c)
    c = k.run("%jars lib/*.jar")
    ok(c)
    expect("greeter2.jar" in c.stdout, "glob not expanded", c)
    c = k.run("new demo2.Greeter2().greet()")
    ok(c)
    c = k.run("%classpath")
    ok(c)
    expect("jconcur-kernel.jar" in c.stdout and "greeter2.jar" in c.stdout, "class path not shown", c)
    c = k.run("%classpath classes does-not-exist.jar")
    failed(c, "FileNotFoundError")


@check
def load_runs_a_file(k):
    c = k.run("%load defs.jshell\nloaded() + 1")
    ok(c)
    expect("8" in c.result["text/plain"], "%load definitions not usable", c)
    failed(k.run("%load no-such-file.jshell"), "FileNotFoundError")


@check
def maven_resolves_and_loads(k):
    c = k.run("%maven org.apache.commons:commons-lang3:3.14.0", timeout=600)
    ok(c)
    expect("commons-lang3-3.14.0.jar" in c.stdout, "jar not reported", c)
    c = k.run("org.apache.commons.lang3.StringUtils.capitalize(\"jconcur\")")
    ok(c)
    expect("Jconcur" in c.result["text/plain"], "artifact not usable", c)


@check
def maven_missing_artifact_loads_nothing(k):
    before = k.run("%classpath").stdout
    c = k.run("%maven org.apache.commons:commons-text:1.12.0 org.jconcur.doesnotexist:nope:9.9.9", timeout=600)
    failed(c, "DependencyResolutionError")
    expect("nope" in c.errors[0][1], "error does not name the missing artifact", c)
    after = k.run("%classpath").stdout
    expect(before == after, "class path changed after a failed %maven:\n" + before + "\n---\n" + after)
    c = k.run("Class.forName(\"org.apache.commons.text.WordUtils\")")
    expect(c.status == "error", "commons-text half-loaded", c)
    failed(k.run("%maven not-coordinates"), "UsageError")


@check
def ijava_aliases(k):
    c = k.run("%addMavenDependency org.apache.commons:commons-lang3:3.14.0", timeout=600)
    ok(c)
    c = k.run("%%loadFromPOM\n<properties><lang.version>3.14.0</lang.version></properties>\n<dependencies><dependency>"
              "<groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId>"
              "<version>${lang.version}</version></dependency></dependencies>", timeout=600)
    ok(c)


@check
def threads_shows_lock_owners(k):
    ok(k.run("Object lockA = new Object();\n"
             "Thread holder = new Thread(() -> { synchronized (lockA) { try { Thread.sleep(60_000); } "
             "catch (InterruptedException e) { } } }, \"holder\");\n"
             "holder.start();\nThread.sleep(300);\n"
             "Thread waiter = new Thread(() -> { synchronized (lockA) { } }, \"waiter\");\n"
             "waiter.start();\nThread.sleep(300);"))
    c = k.run("%threads")
    ok(c)
    expect('"waiter"' in c.stdout and "BLOCKED" in c.stdout and 'owned by "holder"' in c.stdout,
           "lock owner not shown", c)
    expect("- locked Object@" in c.stdout, "held monitor not shown", c)
    ok(k.run("holder.interrupt(); holder.join(); waiter.join();"))


@check
def completion_inspection_is_complete(k):
    r = k.shell("complete", "%ti", 3)
    expect("%time" in r["matches"] and "%timeit" in r["matches"] and r["cursor_start"] == 0, "no magic completion: %r" % r)
    r = k.shell("complete", "%%te", 4)
    expect("%%test" in r["matches"], "no cell magic completion: %r" % r)
    r = k.shell("inspect", "%timeit -n 3 f()", 3)
    expect(r["found"] and "loops" in r["data"]["text/plain"], "no magic inspection: %r" % r)
    r = k.shell("is_complete", "%%bash\necho hi")
    expect(r["status"] == "complete", "cell magic not complete: %r" % r)


@check
def jvm_options_restart(k):
    c = k.run("%jvm")
    ok(c)
    expect("JVM options:" in c.stdout and "-ea" in c.stdout and "Java" in c.stdout, "no JVM facts", c)
    c = k.run("%jvm -Xmx200m -ea")
    ok(c)
    expect("Restarted" in c.stdout and "reset" in c.stdout, "restart not reported", c)
    c = k.run("Runtime.getRuntime().maxMemory() <= 200L * 1024 * 1024")
    ok(c)
    expect("true" in c.result["text/plain"], "-Xmx not applied", c)
    c = k.run("twice(2)")
    expect(c.status == "error", "state survived %jvm", c)
    ok(k.run("int kept = 5;"))
    c = k.run("%jvm -XX:+NoSuchOptionAtAll")
    failed(c, "JvmOptionsError")
    expect("NoSuchOptionAtAll" in c.errors[0][1], "the JVM's complaint is not shown", c)
    c = k.run("kept")
    ok(c)
    expect("5" in c.result["text/plain"], "a rejected %jvm must leave the user VM alone", c)


@check
def reset_gives_a_fresh_vm(k):
    ok(k.run("int survivor = 1;"))
    c = k.run("%reset")
    ok(c)
    expect("fresh user VM" in c.stdout, "no reset message", c)
    c = k.run("survivor")
    expect(c.status == "error", "state survived %reset", c)
    ok(k.run("cores() > 0"))


def main():
    try:
        kernel = Driver()
    except Exception:
        traceback.print_exc()
        sys.exit(1)
    # Every check by name first, so that a check the script never reached fails instead of going missing.
    print(json.dumps({"planned": [fn.__name__ for fn in CHECKS]}), flush=True)
    try:
        for fn in CHECKS:
            try:
                fn(kernel)
                print(json.dumps({"name": fn.__name__, "ok": True, "detail": ""}), flush=True)
            except Exception as e:
                print(json.dumps({"name": fn.__name__, "ok": False,
                                  "detail": "".join(traceback.format_exception_only(type(e), e))}), flush=True)
    finally:
        kernel.stop()


if __name__ == "__main__":
    main()
