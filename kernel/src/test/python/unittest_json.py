"""Runs one unittest module and writes each test case's outcome as a JSON line, so that the Java ITs report
every Python test case as a JUnit test of its own (KernelTestSuite):

    python unittest_json.py MODULE RESULTS_FILE

A line: {"id": "module.Class.test", "outcome": "ok" | "failure" | "error" | "skipped", "detail": "...",
"seconds": 1.2}. Import errors and failing setUpClass come out as "error" lines of their own. The last line,
{"end": true, "ran": N}, says the module ran to its end: without it the process died on the way. The tests' own
output (FIGURE lines among it) goes to stdout and stderr as usual.
"""

import json
import sys
import time
import unittest


class JsonLinesResult(unittest.TextTestResult):
    """A verbose text result that also appends one JSON line per finished test case to a file."""

    def __init__(self, results, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.results = results
        self.started = {}
        self.failed_subtests = {}

    def startTest(self, test):
        self.started[test.id()] = time.monotonic()
        super().startTest(test)

    def record(self, test, outcome, detail=""):
        seconds = time.monotonic() - self.started.get(test.id(), time.monotonic())
        line = {"id": test.id(), "outcome": outcome, "detail": detail, "seconds": round(seconds, 3)}
        self.results.write(json.dumps(line) + "\n")
        self.results.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        failed = self.failed_subtests.pop(test.id(), None)
        self.record(test, "failure" if failed else "ok", "\n\n".join(failed or []))

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.record(test, "failure", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self.record(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.record(test, "skipped", reason)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            # unittest reports the case itself as a success afterwards: the subtest's failure is kept for it.
            self.failed_subtests.setdefault(test.id(), []).append(
                "%s: %s" % (subtest.id(), self._exc_info_to_string(err, test)))

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self.record(test, "ok", "expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.record(test, "failure", "passed, but is marked as an expected failure")


def main(module, results_path):
    with open(results_path, "w", encoding="utf-8") as results:
        suite = unittest.defaultTestLoader.loadTestsFromName(module)
        runner = unittest.TextTestRunner(verbosity=2, stream=sys.stderr,
                                         resultclass=lambda *a, **k: JsonLinesResult(results, *a, **k))
        result = runner.run(suite)
        results.write(json.dumps({"end": True, "ran": result.testsRun}) + "\n")
        return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python unittest_json.py MODULE RESULTS_FILE")
    sys.exit(main(sys.argv[1], sys.argv[2]))
