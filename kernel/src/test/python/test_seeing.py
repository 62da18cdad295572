"""Seeing concurrency through the real kernel, driven by jupyter_client: a timeline cell yields image/png, and a
sweep draws its figures live in one display, updated in place (update_display_data with the same display id).

Run by KernelClientSuitesIT with JUPYTER_PATH pointing at a freshly installed kernelspec:
    .venv/bin/python -m unittest -v test_seeing
"""

import unittest

from kernel_harness import KernelTestCase, figure
from test_sweep_rendering import png_size

TIMELINE_CELL = """
timeline("eight sleeps on 4 threads", () -> {
    try (var pool = pool(4)) {
        for (int i = 0; i < 8; i++) pool.submit(task("sleep " + i, () -> pause(20)));
    }
})
"""

# 0.6 s per run: each live update comes more than the 1 s minimum interval after the previous one.
LIVE_SWEEP_CELL = """
Sweep.onWorkers(() -> { Thread.sleep(600); return 1; }, n -> { Thread.sleep(600); return 1; })
        .label("sleepy").workers(1, 2).warmups(0).repeats(3).run()
"""


def display_id(message):
    return message["content"].get("transient", {}).get("display_id")


class SeeingTests(KernelTestCase):
    kernel_options = {"user_vm_options": None}

    def test_a_timeline_cell_shows_a_picture_and_a_text_summary(self):
        run = self.kernel.ok(TIMELINE_CELL, timeout=120)
        figure("timeline_cell", "%.2f s" % run.seconds)
        results = [m for m in run.messages if m["msg_type"] == "execute_result"]
        self.assertEqual(1, len(results), run.describe())
        data = results[0]["content"]["data"]
        width, height = png_size(data["image/png"])
        figure("timeline_png", "%dx%d" % (width, height))
        self.assertEqual(900, width)
        self.assertGreater(height, 100)
        self.assertIn("8 tasks on 4 threads", data["text/plain"])

    def test_a_sweep_updates_one_live_display_then_shows_its_result(self):
        run = self.kernel.ok(LIVE_SWEEP_CELL, timeout=180)
        live = [m for m in run.messages
                if m["msg_type"] in ("display_data", "update_display_data")
                and ("text/html" in m["content"]["data"] or m["content"]["data"].get("text/plain") == "")]
        figure("live_sweep_displays", str(len(live)))
        self.assertGreaterEqual(len(live), 3, [m["msg_type"] for m in live])
        self.assertEqual("display_data", live[0]["msg_type"])
        ids = {display_id(m) for m in live}
        self.assertEqual(1, len(ids), ids)
        self.assertIsNotNone(ids.pop())
        self.assertTrue(all(m["msg_type"] == "update_display_data" for m in live[1:]))
        self.assertIn("sleepy (so far: round 1 of 3)", live[0]["content"]["data"]["text/html"])
        self.assertEqual("", live[-1]["content"]["data"]["text/plain"])
        results = [m for m in run.messages if m["msg_type"] == "execute_result"]
        self.assertEqual(1, len(results))
        self.assertIn("<table", results[0]["content"]["data"]["text/html"])


if __name__ == "__main__":
    unittest.main()
