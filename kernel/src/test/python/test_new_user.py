"""What a new user trips over, each item through the installed kernel with jupyter_client.

Run by KernelClientSuitesIT with JUPYTER_PATH pointing at a freshly installed kernelspec:
    .venv/bin/python -m unittest -v test_new_user
"""

import unittest

from kernel_harness import KernelTestCase, plain


class NewUserTests(KernelTestCase):
    """One kernel for all: each test uses its own names."""

    def test_kernel_jvm_options_reach_no_other_process(self):
        run = self.kernel.ok('%%bash\necho "options=[${JDK_JAVA_OPTIONS-}]"')
        self.assertIn("options=[]", run.stream("stdout"), run.describe())
        self.assertNotIn("Picked up", self.kernel.log())

    def test_display_with_mime_types(self):
        run = self.kernel.ok('display("<b>hi</b>", "text/html");\n'
                             'display("# Title", "text/markdown");\n'
                             'display("$x^2$", "text/latex");\n'
                             'display("<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>", "image/svg+xml");')
        shown = run.results()
        self.assertEqual(4, len(shown), run.describe())
        self.assertEqual("<b>hi</b>", shown[0]["text/html"])
        self.assertEqual("# Title", shown[1]["text/markdown"])
        self.assertEqual("$x^2$", shown[2]["text/latex"])
        self.assertTrue(shown[3]["image/svg+xml"].startswith("<svg"))

    def test_render_as_a_cell_value(self):
        run = self.kernel.ok('render("<i>rendered</i>", "text/html")')
        self.assertEqual([{"text/html": "<i>rendered</i>", "text/plain": "<i>rendered</i>"}], run.results(),
                         run.describe())

    def test_display_without_semicolon_shows_no_id(self):
        run = self.kernel.ok('display("shown once")')
        self.assertEqual([{"text/plain": "shown once"}], run.results(), run.describe())
        self.assertIsNone(run.text_result(), run.describe())
        # The id is still there for updateDisplay.
        run = self.kernel.ok('String id = display("v1");\nupdateDisplay(id, "v2");')
        self.assertIn("update_display_data", [m["msg_type"] for m in run.messages], run.describe())

    def test_a_bad_mime_type_is_named(self):
        run = self.kernel.run('display("x", "html")')
        self.assertEqual("error", run.status)
        self.assertIn("not a MIME type: html", run.error_text())

    def test_record_compact_constructor_gets_a_hint(self):
        run = self.kernel.run("record Range(int lo, int hi) {\n    Range { if (lo > hi) throw new IllegalArgumentException(); }\n}")
        self.assertEqual("error", run.status, run.describe())
        self.assertIn("declare the constructor public too: public Range { ... }", run.error_text())
        self.kernel.ok("record Range(int lo, int hi) {\n    public Range { if (lo > hi) throw new IllegalArgumentException(); }\n}")

    def test_help_in_both_ipython_forms(self):
        for code in ("?sweep", "sweep?", "??sweep"):
            reply = self.shell_reply(self.kernel.kc.is_complete(code))
            self.assertEqual("complete", reply["status"], "%s: %s" % (code, reply))
            run = self.kernel.ok(code)
            pages = [p for p in run.reply["payload"] if p["source"] == "page"]
            self.assertEqual(1, len(pages), "%s: %s" % (code, run.reply))
            self.assertIn("sweep(", pages[0]["data"]["text/plain"])

    def test_reentrant_lock_deadlock_with_the_cell_thread_is_reported(self):
        run = self.kernel.run("""ReentrantLock lockA = new ReentrantLock(), lockB = new ReentrantLock();
CountDownLatch bHeld = new CountDownLatch(1);
lockA.lock();
Thread other = new Thread(() -> { lockB.lock(); bHeld.countDown(); while (!lockB.hasQueuedThreads()) Thread.onSpinWait(); System.out.println("both locked"); lockA.lock(); }, "other");
other.start(); bHeld.await();
lockB.lock();
""", interrupt_on=lambda m: m["msg_type"] == "stream" and "both locked" in m["content"]["text"], timeout=120)
        # "both locked" comes once the cell waits in lockB.lock(): an interrupt sent earlier, between two of the
        # cell's snippets, would stop the cell before that line.
        text = run.error_text()
        self.assertEqual("error", run.status, run.describe())
        self.assertIn("at line 6: lockB.lock();", text)
        self.assertRegex(text, r'the cell\'s thread "main" still holds \S*ReentrantLock\$NonfairSync@[0-9a-f]+')
        self.assertIn("stuck for good", text)
        self.assertRegex(text, r'"other" \(WAITING\) waits for \S*ReentrantLock\$NonfairSync@[0-9a-f]+, held by "main"; '
                               r'holds \S*ReentrantLock\$NonfairSync@[0-9a-f]+')
        self.assertIn("line 4: Thread other", text)

    def test_time_cells_name_the_cells_lines(self):
        run = self.kernel.run("%%time\nint[] timedArray = new int[2];\ntimedArray[5]")
        self.assertIn("line 3: timedArray[5]", run.error_text(), run.describe())
        run = self.kernel.run("%%time\nint timedInt = 1;\nint timedBad = \"s\";")
        self.assertIn("Compile error at line 3", run.error_text(), run.describe())
        run = self.kernel.run("%%time\nint timedOk = 1;\nint[] timedArray2 = new int[2];\ntimedArray2[7] = 1;")
        self.assertIn("line 4: timedArray2[7] = 1;", run.error_text(), run.describe())

    def test_timeit_tracebacks_end_in_the_users_code(self):
        run = self.kernel.run("%%timeit -n 1 -r 1\nint[] timeitArray = new int[1];\ntimeitArray[3] = 1;")
        text = run.error_text()
        self.assertIn("line 3: timeitArray[3] = 1;", text, run.describe())
        self.assertNotIn("jconcur.kernel", text)
        run = self.kernel.run('%timeit -n 1 -r 1 Integer.parseInt("x")')
        text = run.error_text()
        self.assertIn('line 1: Integer.parseInt("x")', text, run.describe())
        self.assertNotIn("jconcur.kernel", text)

    def test_fork_join_traceback_has_no_bridge_frame(self):
        self.kernel.ok("class Boom extends RecursiveTask<Integer> {\n"
                       "    protected Integer compute() { throw new IllegalStateException(\"boom\"); }\n}")
        run = self.kernel.run("new Boom().invoke()")
        text = run.error_text()
        self.assertIn("Boom.compute", text, run.describe())
        self.assertNotIn("class Boom extends", text)

    def test_frames_of_earlier_cells_name_the_cell(self):
        declared = self.kernel.ok("int countDown(int n) {\n"
                                  "    if (n == 0)\n"
                                  "        throw new IllegalStateException(\"zero\");\n"
                                  "    return countDown(n - 1);\n}")
        count = declared.reply["execution_count"]
        run = self.kernel.run("countDown(2)")
        self.assertIn("countDown, line 3 of cell [%d]: throw new IllegalStateException" % count, run.error_text(),
                      run.describe())

    def test_background_thread_frames_name_cell_lines(self):
        run = self.kernel.run('Thread failing = new Thread(() -> {\n'
                              '    int[] small = new int[1];\n'
                              '    small[2] = 1;\n'
                              '}, "failing");\n'
                              'failing.start(); failing.join();')
        stderr = plain(run.stream("stderr"))
        self.assertIn('Exception in thread "failing"', stderr, run.describe())
        self.assertIn("line 3 of cell [%d]: small[2] = 1;" % run.reply["execution_count"], stderr)
        self.assertNotIn("REPL.$JShell$", stderr)

    def test_threads_magic_names_cell_lines(self):
        started = self.kernel.ok('Thread sleeper = new Thread(() -> {\n'
                                 '    try { Thread.sleep(120_000); } catch (InterruptedException e) {}\n'
                                 '}, "sleeper");\n'
                                 'sleeper.start();')
        try:
            dump = plain(self.kernel.ok("%threads").stream("stdout"))
            self.assertIn("line 2 of cell [%d]: try { Thread.sleep" % started.reply["execution_count"], dump)
            self.assertNotIn("REPL.$JShell$", dump)
        finally:
            self.kernel.ok("sleeper.interrupt();")

    def test_redefinitions_say_what_changed_and_ordinary_cells_stay_quiet(self):
        # Notes go to stdout: nbgrader fails a test cell on any stderr output.
        method = "int twice(int x) { return 2 * x; }"
        self.assertEqual("", self.kernel.ok(method).stream("stdout"))
        self.assertEqual("", self.kernel.ok(method).stream("stdout"), "a cell run again says nothing")
        changed = self.kernel.ok("int twice(int x) { return x + x; }")
        self.assertEqual("Note: modified method twice(int)\n", changed.stream("stdout"), changed.describe())
        self.kernel.ok("int plainVar = 1;")
        self.assertEqual("", self.kernel.ok("int plainVar = 2;").stream("stdout"), "a variable declared again")

        self.kernel.ok("record Job(int id) {}")
        self.kernel.ok("Job j1 = new Job(1);")
        replaced = self.kernel.ok("record Job(String name) {}")
        notes = replaced.stream("stdout")
        self.assertTrue(notes.startswith("Note: replaced record Job\n"), replaced.describe())
        self.assertIn("Note: replaced variable j1, which cannot be referenced until this error is corrected: ",
                      notes)

    def test_a_cell_failing_halfway_says_what_stays_defined(self):
        run = self.kernel.run('int before5 = 1;\nvoid helper5() {}\nint broken5 = "x";\nint after5 = 3;')
        self.assertEqual("error", run.status)
        self.assertIn("still defined from it: variable before5, method helper5(). The code after it did not run.",
                      run.error_text())
        self.assertEqual("1", self.kernel.value("before5"))
        self.assertEqual("error", self.kernel.run("after5").status)
        run = self.kernel.run('int before6 = 1;\nInteger.parseInt("x");\nint after6 = 3;')
        self.assertIn("still defined from it: variable before6.", run.error_text(), run.describe())

    def shell_reply(self, msg_id):
        while True:
            reply = self.kernel.kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def complete(self, code):
        return self.shell_reply(self.kernel.kc.complete(code, len(code)))

    def test_completion_knows_the_cells_earlier_declarations(self):
        code = "var list = List.of(1, 2, 3);\nlist.str"
        reply = self.complete(code)
        self.assertIn("stream()", reply["matches"], reply)
        self.assertEqual(len(code) - 3, reply["cursor_start"], reply)
        self.kernel.ok("record Job7(int id) {}")
        reply = self.complete("Job7 j = new Job7(1);\nj.i")
        self.assertIn("id()", reply["matches"], reply)
        # Documentation still works afterwards.
        self.assertIn("sweep(", self.kernel.ok("?sweep").reply["payload"][0]["data"]["text/plain"])

    def test_amdahl_fit_names_the_points_it_uses(self):
        text = self.kernel.value("amdahlFit(new int[]{1, 2, 4}, new double[]{1, 1.8, 3.0})")
        self.assertIn("fitted on workers 2, 4: n = 1 says nothing about B", text)

    def test_system_exit_shows_only_its_own_stderr(self):
        self.kernel.ok('Thread noisy = new Thread(() -> { throw new IllegalStateException("unrelated"); });\n'
                       'noisy.start(); noisy.join();')
        run = self.kernel.run('System.err.println("last words");\nSystem.exit(3);')
        text = run.error_text()
        self.assertIn("System.exit(3)", text, run.describe())
        self.assertIn("last words", text)
        self.assertNotIn("unrelated", text)
        self.assertEqual("2", self.kernel.value("1 + 1"), "a fresh user VM runs the next cell")

    def inspect(self, code):
        return self.shell_reply(self.kernel.kc.inspect(code, len(code), detail_level=0))

    def test_inspect_shows_the_helper_packages_javadoc_rendered(self):
        for code, words in (("sweep", "worker count"), ("Sweep.onForkJoin", "ForkJoinPool"),
                            ("speedupChart", "speedup"), ("measure", "warm-up")):
            reply = self.inspect(code)
            self.assertTrue(reply["found"], reply)
            text = reply["data"]["text/plain"]
            self.assertIn(words, text, code)
            self.assertNotIn("{@", text, code)
            self.assertIn("Parameters:", text, code)
            self.assertIn("```java", reply["data"]["text/markdown"], code)

    def test_jdk_javadoc_is_rendered(self):
        reply = self.inspect("java.util.concurrent.ExecutorService")
        text = reply["data"]["text/plain"]
        self.assertIn("Executor", text, reply)
        for raw in ("{@link", "{@code", "<p>"):
            self.assertNotIn(raw, text)


if __name__ == "__main__":
    unittest.main()
