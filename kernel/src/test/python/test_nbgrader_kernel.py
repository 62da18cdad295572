"""What nbgrader's autograde relies on from a kernel, through the real kernel and nbgrader's own
`Execute` preprocessor (nbclient with nbgrader's settings) and its scoring (`nbgrader.utils.determine_grade`).

Run by KernelClientSuitesIT with JUPYTER_PATH pointing at a freshly installed kernelspec:
    .venv/bin/python -m unittest -v test_nbgrader_kernel
"""

import os
import tempfile
import unittest
from datetime import datetime

from jupyter_client.kernelspec import KernelSpecManager
from nbformat.v4 import new_code_cell, new_notebook
from nbgrader.preprocessors import Execute
from nbgrader.utils import determine_grade

from kernel_harness import KERNEL_NAME, figure

# nbgrader's defaults, except the start-up limit: the machines that run these tests are shared and busy.
STARTUP_TIMEOUT = 180


def graded_cell(source, points=1):
    """An nbgrader test cell (graded, locked) worth points."""
    return new_code_cell(source, metadata={"nbgrader": {
        "grade": True, "solution": False, "locked": True, "grade_id": "cell-%d" % abs(hash(source)),
        "points": points, "schema_version": 3}})


def execute(cells, **options):
    """Runs the cells as `nbgrader autograde` does; returns the executed notebook."""
    notebook = new_notebook(cells=cells, metadata={"kernelspec": {
        "name": KERNEL_NAME, "language": "java", "display_name": "Java (jconcur)"}})
    with tempfile.TemporaryDirectory() as cwd:
        executor = Execute(startup_timeout=STARTUP_TIMEOUT, kernel_name=KERNEL_NAME, **options)
        executed, _ = executor.preprocess(notebook, {"metadata": {"path": cwd}})
    return executed


def describe(cell):
    return "%s\n  -> %s" % (cell.source, [dict(output) for output in cell.outputs])


class NbgraderKernelTests(unittest.TestCase):

    def assert_full_points(self, cell):
        score, points = determine_grade(cell)
        self.assertEqual(points, score, "nbgrader gives %s of %s points to\n%s" % (score, points, describe(cell)))

    def test_passing_cells_write_nothing_to_stderr(self):
        """nbgrader scores a test cell 0 on ANY stderr output: JVM, JShell and kernel notes must stay off it."""
        cells = [
            graded_cell("int answer = 42;"),  # the user VM's start
            graded_cell("""%%test
@Test void usesAHelperDeclaredBelow() { assertEquals(4, twice(2)); }
int twice(int n) { return add(n, n); }
int add(int a, int b) { return a + b; }"""),
            graded_cell("""int triple(int n) { return n + twice(n); }  // twice is declared in a later line of this cell
int twice(int n) { return 2 * n; }
class Counter { int next() { return Step.SIZE; } }
class Step { static final int SIZE = 1; }
assert triple(2) == 6 && new Counter().next() == 1;"""),
            graded_cell("""@SuppressWarnings("removal") Integer boxed = new Integer(5);
Integer legacy = new Integer(6);
List raw = new ArrayList();
raw.add(boxed);
assert raw.size() == 1;"""),
            graded_cell("""ExecutorService pool = Executors.newFixedThreadPool(2);
int sum = pool.submit(() -> 1).get() + pool.submit(() -> 2).get();
pool.shutdown();
assert pool.awaitTermination(10, TimeUnit.SECONDS) && sum == 3;"""),
            graded_cell('sweep("constant", () -> 1L, pool -> 1L);'),
            graded_cell('System.out.println("stdout is fine");'),
            graded_cell("int helper(int n) { return n; }\nrecord Job(int id) {}\nJob job = new Job(helper(1));"),
            # A later cell that changes a method and a record: JShell's notes on what changed are no errors.
            graded_cell("int helper(int n) { return n + 0; }\nrecord Job(long id) {}\nassert helper(2) == 2;"),
        ]
        saved = {name: os.environ.get(name) for name in ("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")}
        # As in a container or on a teacher's machine: the JVMs say "Picked up ..." on their stderr.
        os.environ["JAVA_TOOL_OPTIONS"] = "-Djconcur.test.tool=1"
        os.environ["_JAVA_OPTIONS"] = "-Djconcur.test.underscore=1"
        try:
            executed = execute(cells)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        for cell in executed.cells:
            stderr = [output for output in cell.outputs if output.get("name") == "stderr"]
            self.assertEqual([], stderr, describe(cell))
            self.assert_full_points(cell)

    def test_a_test_cell_ending_in_a_declaration_shows_no_value(self):
        """nbgrader reads a test cell's number value as partial credit: declarations must show none."""
        declarations = [
            "int points = 1;",
            "long count = 0L;",
            "var ratio = 0.5;",
            "double half = 0.5;",
            'String one = "1";',
            "int k = 4;\nint copy = k;",
            "int zero() { return 0; }",
            "List<Integer> numbers = new ArrayList<>();\nnumbers.add(3);",
            "record Pair(int a, int b) {}\nvar pair = new Pair(0, 1);",
        ]
        # Without the declaration, the same numbers are values: nbgrader takes them as points.
        value = graded_cell("int points = 1;\npoints", points=2)
        executed = execute([graded_cell(source, points=2) for source in declarations] + [value])
        for cell in executed.cells[:-1]:
            self.assertEqual([], [o for o in cell.outputs if o.output_type == "execute_result"], describe(cell))
            self.assert_full_points(cell)
        self.assertEqual((1.0, 2.0), determine_grade(executed.cells[-1]), describe(executed.cells[-1]))

    def test_idle_follows_the_reply_while_background_threads_print(self):
        """nbclient fails the whole notebook when a cell's idle comes more than iopub_timeout (4 s) after its reply.
        What the threads print before their cell ends is in that cell; what they print later belongs to that cell
        too (as with ipykernel), which a batch client has stopped recording."""
        printers = graded_cell("""var printing = new java.util.concurrent.atomic.AtomicBoolean(true);
var printedOnce = new java.util.concurrent.CountDownLatch(3);
for (int t = 0; t < 3; t++) {
    int id = t;
    Thread printer = new Thread(() -> {
        for (long i = 0; printing.get(); i++) {
            System.out.println("printer " + id + " line " + i);
            if (i == 0) printedOnce.countDown();
            if (i % 50 == 0) java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    });
    printer.setDaemon(true);
    printer.start();
}
printedOnce.await();""")
        short = [graded_cell("int n%d = %d;" % (i, i)) for i in range(12)]
        stop = graded_cell("printing.set(false);")
        executor_options = {"iopub_timeout": 4, "raise_on_iopub_timeout": True, "record_timing": True}
        executed = execute([printers] + short + [stop], **executor_options)
        gaps = []
        for cell in executed.cells:
            self.assertEqual([], [o for o in cell.outputs if o.output_type == "error"], describe(cell))
            timing = cell.metadata["execution"]
            gaps.append((parse(timing["iopub.status.idle"]) - parse(timing["shell.execute_reply"])).total_seconds())
        figure("largest gap from execute_reply to idle with 3 threads printing (s)", "%.3f" % max(gaps))
        printed = "".join(o.get("text", "") for o in executed.cells[0].outputs)
        for printer in range(3):
            self.assertIn("printer %d line 0\n" % printer, printed, describe(executed.cells[0]))
        later = "".join(o.get("text", "") for cell in executed.cells[1:] for o in cell.outputs)
        self.assertNotIn("printer", later, "a thread's output went to a cell that did not start it")

    def test_a_timed_out_cell_is_interrupted_by_message_and_the_next_cell_runs(self):
        """autograde's time-out: nbclient interrupts (interrupt_mode "message": interrupt_request on control),
        gives the cell a CellTimeoutError, waits iopub_timeout for its idle, and goes on with the next cell."""
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        self.assertEqual("message", spec.interrupt_mode)
        cells = [
            graded_cell("int before = 1;"),
            graded_cell("while (true) { }"),
            graded_cell("Thread.sleep(600_000);"),
            graded_cell("int after = before + 1;\nafter", points=5),
        ]
        executed = execute(cells, timeout=8, iopub_timeout=4, raise_on_iopub_timeout=True)
        for cell in executed.cells[1:3]:
            errors = [o.ename for o in cell.outputs if o.output_type == "error"]
            self.assertIn("CellTimeoutError", errors, describe(cell))
        self.assertEqual((2.0, 5.0), determine_grade(executed.cells[3]), describe(executed.cells[3]))


def parse(timestamp):
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


if __name__ == "__main__":
    unittest.main()
