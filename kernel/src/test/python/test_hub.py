"""A course on one machine (hub_course.py): JupyterHub with three students who each start a jconcur kernel
through the Hub and run the first cells of chapter 1 at the same time.

    .venv/bin/python -m unittest -v test_hub
"""

import json
import os
import unittest

from hub_course import run_course
from kernel_harness import figure, wait_until
from process_tree import process_alive

STUDENTS = 3


class CourseOnOneMachineTests(unittest.TestCase):

    def test_three_students_run_chapter_one_at_once(self):
        figures = run_course(STUDENTS, cells=5, jupyter_path=os.environ["JUPYTER_PATH"])
        students = figures["students"]
        self.assertEqual(STUDENTS, len(students), figures)
        for name, result in students.items():
            # Responsive after the class's cells: a kernel_info round trip well under nbclient's 60 s start limit.
            self.assertLess(result["kernel_info_s"], 10, "%s's kernel is slow to answer: %s" % (name, result))
        left = wait_until(lambda: not any(process_alive(p) for p in figures["student_pids"]), 60)
        self.assertTrue(left, "students' processes outlived the Hub: %s" % [
            p for p in figures["student_pids"] if process_alive(p)])
        for name, result in sorted(students.items()):
            figure("hub_%s" % name, json.dumps(result))
        figure("hub_total_student_memory", "%d MB for %d students" % (figures["total_memory_mb"], STUDENTS))
        figure("hub_and_proxy_memory", "%d MB" % figures["hub_and_proxy_memory_mb"])
        figure("hub_servers_started", "%.1f s" % figures["servers_started_s"])


if __name__ == "__main__":
    unittest.main()
