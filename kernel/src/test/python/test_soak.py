"""Soak: 2,000 cells in a row through jupyter_client, with the kernel JVM's heap measured after a full GC
before and after. Run by KernelClientSuitesIT:
    .venv/bin/python -m unittest -v test_soak
JCONCUR_SOAK_CELLS changes the number of cells.
"""

import os
import re
import subprocess
import time
import unittest

from kernel_harness import KernelTestCase, figure

CELLS = int(os.environ.get("JCONCUR_SOAK_CELLS", "2000"))
WARM_UP_CELLS = 100
# The stated bound: what 2,000 cells may add to the kernel JVM's live heap (JShell keeps every snippet's source
# and bytecode, the history keeps every cell; a leak of a few KB per message would exceed it).
MAX_HEAP_GROWTH_MB = 64
INTERRUPT_EVERY = 200


def cell(i):
    """(code, check) for cell i: check(run) raises when the cell did not do what it should."""
    kind = i % 10
    if kind == 0:
        return "int v%d = %d;" % (i, i), ok
    if kind == 1:
        return "int shift(int x) { return x + %d; }" % i, ok
    if kind == 2:
        return "shift(1)", value(str(i - 1 + 1))
    if kind == 3:
        return "class Box { final int v = %d; String label() { return \"box \" + v; } }" % i, ok
    if kind == 4:
        return "new Box().label()", value('"box %d"' % (i - 1))
    if kind == 5:
        return 'throw new IllegalStateException("soak %d");' % i, error("java.lang.IllegalStateException", "soak %d" % i)
    if kind == 6:
        return 'System.out.println("line %d"); v%d * 2' % (i, i - 6), value(str(2 * (i - 6)), stdout="line %d\n" % i)
    if kind == 7:
        return "List<Integer> list%d = new ArrayList<>(List.of(1, 2, 3)); list%d.size()" % (i % 50, i % 50), value("3")
    if kind == 8:
        return "record Point(int x, int y) {}\nnew Point(%d, 1).x()" % i, value(str(i))
    return "String s = \"%s\";" % ("x" * (i % 100)), ok


def ok(run):
    assert run.status == "ok", run.describe()


def value(expected, stdout=None):
    def check(run):
        ok(run)
        assert run.text_result() == expected, "expected %s, got %s" % (expected, run.text_result())
        if stdout is not None:
            assert run.stream("stdout") == stdout, run.describe()
    return check


def error(ename, text):
    def check(run):
        assert run.status == "error" and run.reply["ename"] == ename and text in run.reply["evalue"], run.describe()
    return check


class SoakTests(KernelTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        java_home = cls.kernel.km.kernel_spec.metadata.get("jconcur", {}).get("java_home")
        cls.jcmd = os.path.join(java_home, "bin", "jcmd") if java_home else "jcmd"

    def live_heap_mb(self):
        """Used heap of the kernel JVM right after a full GC, in MB."""
        subprocess.run([self.jcmd, str(self.kernel.pid), "GC.run"], check=True, capture_output=True, timeout=60)
        info = subprocess.run([self.jcmd, str(self.kernel.pid), "GC.heap_info"], check=True, capture_output=True,
                              text=True, timeout=60).stdout
        # One "total ...K, used ...K" line per generation (Serial, Parallel) or for the whole heap (G1).
        used = [int(m.group(1)) for line in info.splitlines()
                if not line.strip().startswith(("Metaspace", "class space"))
                for m in [re.search(r"total \d+K, used (\d+)K", line)] if m]
        self.assertTrue(used, "no heap figures in:\n" + info)
        return sum(used) / 1024.0

    def test_two_thousand_cells(self):
        for i in range(WARM_UP_CELLS):
            code, check = cell(i)
            check(self.kernel.run(code))
        before = self.live_heap_mb()
        started = time.monotonic()
        interrupts = []
        for i in range(WARM_UP_CELLS, WARM_UP_CELLS + CELLS):
            if i % INTERRUPT_EVERY == INTERRUPT_EVERY - 1:  # in place of a cell nothing depends on
                run = self.kernel.run('System.out.println("spin %d"); while (true) {}' % i,
                                      interrupt_on=lambda m, i=i: m["msg_type"] == "stream"
                                      and "spin %d" % i in m["content"]["text"])
                self.assertIn("Interrupted", run.error_text(), run.describe())
                interrupts.append(run.interrupt_seconds)
                continue
            code, check = cell(i)
            run = self.kernel.run(code)
            try:
                check(run)
            except AssertionError as e:
                raise AssertionError("cell %d %r: %s" % (i, code, e))
            self.kernel.iopub_log.clear()
        seconds = time.monotonic() - started
        after = self.live_heap_mb()
        figure("soak_cells", "%d cells (%d interrupted busy loops) in %.1f s: %.1f cells/s"
               % (CELLS, len(interrupts), seconds, CELLS / seconds))
        figure("soak_interrupts", "worst %.3f s, median %.3f s" % (max(interrupts), sorted(interrupts)[len(interrupts) // 2]))
        figure("soak_kernel_heap_after_gc", "%.1f MB before, %.1f MB after, growth %.1f MB (bound %d MB)"
               % (before, after, after - before, MAX_HEAP_GROWTH_MB))
        self.assertLess(after - before, MAX_HEAP_GROWTH_MB)
        self.assertEqual("ok", self.kernel.kernel_info()["status"])


if __name__ == "__main__":
    unittest.main()
