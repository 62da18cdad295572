"""A sweep cell through the real kernel renders as a table and a chart, driven through jupyter_client.

Run by KernelClientSuitesIT with JUPYTER_PATH pointing at a freshly installed kernelspec:
    .venv/bin/python -m unittest -v test_sweep_rendering
"""

import base64
import struct
import unittest

from kernel_harness import KernelTestCase, figure

SWEEP_CELL = """
long bitCounts(long from, long to) {
    long n = 0;
    for (long i = from; i < to; i++) if (Long.bitCount(i) % 3 == 0) n++;
    return n;
}
sweep("bit counts", () -> bitCounts(0, 400_000), pool -> {
    long n = 0;
    for (var part : pool.invokeAll(ranges(0, 400_000, 4).stream()
            .map(s -> (Callable<Long>) () -> bitCounts(s.from(), s.to())).toList())) {
        n += part.get();
    }
    return n;
})
"""


def png_size(data):
    """(width, height) of a base64 PNG, checking its signature and IHDR chunk."""
    raw = base64.b64decode(data)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG: %r" % raw[:8]
    assert raw[12:16] == b"IHDR", "no IHDR chunk"
    return struct.unpack(">II", raw[16:24])


class SweepRenderingTests(KernelTestCase):
    kernel_options = {"user_vm_options": None}

    def test_a_sweep_cell_shows_a_table_and_a_chart(self):
        run = self.kernel.ok(SWEEP_CELL, timeout=300)
        figure("sweep_cell", "%.2f s" % run.seconds)
        # The live view of the running sweep is display_data; the result is the execute_result.
        rich = [m["content"]["data"] for m in run.messages if m["msg_type"] == "execute_result"
                and "image/png" in m["content"]["data"] and "text/html" in m["content"]["data"]]
        self.assertEqual(1, len(rich), "one result with image/png and text/html, got: %s"
                         % [sorted(d) for d in run.results()])
        data = rich[0]
        width, height = png_size(data["image/png"])
        figure("sweep_chart_png", "%dx%d" % (width, height))
        self.assertGreater(width, 200)
        self.assertGreater(height, 150)
        html = data["text/html"]
        self.assertIn("<table", html)
        self.assertIn("bit counts", html)
        self.assertIn("data:image/png;base64,", html)  # the charts inside the table view
        self.assertIn("text/plain", data)
        # The sweep's result came from the last expression: an execute_result, not a stray display.
        results = [m for m in run.messages if m["msg_type"] == "execute_result"]
        self.assertEqual(1, len(results))
        self.assertIn("image/png", results[0]["content"]["data"])


if __name__ == "__main__":
    unittest.main()
