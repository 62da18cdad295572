"""Start-up and footprint of the jconcur kernel against the floor, measured from outside by a real client.

For the jconcur kernel (jupyter_client, from starting the kernel process) and for the floor (one JVM running
JShell in process with the same preloaded imports, jconcur.bench.InProcessJShellFloor), side by side in one run:
launch -> kernel_info_reply (the kernel only), launch -> result of a first `1 + 1`, restart -> next result,
resident memory (VmRSS) when idle after the first cell and after running chapter 1's code cells, for the
kernel JVM and the user VM apart and together. Medians over --launches; memory from the last launch.

    .venv/bin/python bench/kernel_startup.py --kernel jconcur --floor-classpath CP --notebook notebooks/01-*.ipynb
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import zmq
from jupyter_client.manager import KernelManager

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kernel", "src", "test", "python"))
from process_tree import children, rss_mb  # noqa: E402 (the kernel tests' /proc helpers)

TIMEOUT = 300
SETTLE_SECONDS = 2.0


def code_cells(notebook):
    with open(notebook, encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


class Kernel:
    """The jconcur kernel through jupyter_client."""

    def __init__(self, name):
        self.km = KernelManager(kernel_name=name)
        # Reconnect every 5 ms, not libzmq's 100 ms: the figure is the kernel's, not the client's back-off.
        self.km.context.setsockopt(zmq.RECONNECT_IVL, 5)
        self.started = time.perf_counter()
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()

    def kernel_info_seconds(self):
        self.kc.kernel_info(reply=True, timeout=TIMEOUT)
        return time.perf_counter() - self.started

    def result_seconds(self, since):
        """Executes 1 + 1 and returns the time from `since` to its execute_result."""
        msg_id = self.kc.execute("1 + 1")
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_result":
                return time.perf_counter() - since

    def restart_to_result_seconds(self):
        started = time.perf_counter()
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        return self.result_seconds(started)

    def run(self, code):
        reply = self.kc.execute_interactive(code, timeout=TIMEOUT, output_hook=lambda msg: None)
        return reply["content"]["status"] == "ok"

    def memory(self):
        kernel = self.km.provisioner.pid
        user_vms = children(kernel)
        return {"kernel_jvm_mb": rss_mb(kernel), "user_vm_mb": sum(rss_mb(p) for p in user_vms)}

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


class Floor:
    """JShell in one JVM, driven through stdin and stdout."""

    def __init__(self, java, classpath):
        self.command = [java, "-XX:+UseSerialGC", "-cp", classpath, "jconcur.bench.InProcessJShellFloor"]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._read()  # {"ready": true}

    def _read(self):
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the floor process ended: " + " ".join(self.command))
        return json.loads(line)

    def run(self, code):
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        return self._read()["failed"] == 0

    def result_seconds(self, since):
        self.run("1 + 1")
        return time.perf_counter() - since

    def restart_to_result_seconds(self):
        started = time.perf_counter()
        self.stop()
        self.__init__(self.command[0], self.command[3])
        return self.result_seconds(started)

    def memory(self):
        return {"kernel_jvm_mb": rss_mb(self.process.pid), "user_vm_mb": 0.0}

    def stop(self):
        self.process.stdin.close()
        self.process.wait(TIMEOUT)


def measure(start, launches, notebook, has_kernel_info):
    figures = {"kernel_info_s": [], "first_result_s": []}
    for i in range(launches):
        subject = start()
        if has_kernel_info:
            figures["kernel_info_s"].append(subject.kernel_info_seconds())
        figures["first_result_s"].append(subject.result_seconds(subject.started))
        if i < launches - 1:
            subject.stop()
    figures["restart_result_s"] = [subject.restart_to_result_seconds()]
    subject.result_seconds(time.perf_counter())
    time.sleep(SETTLE_SECONDS)
    figures["idle"] = subject.memory()
    cells = code_cells(notebook)
    figures["chapter_cells_ok"] = "%d/%d" % (sum(subject.run(code) for code in cells), len(cells))
    time.sleep(SETTLE_SECONDS)
    figures["after_chapter"] = subject.memory()
    subject.stop()
    return figures


def median_ms(values):
    return "%.0f ms" % (statistics.median(values) * 1000) if values else "-"


def total(memory):
    return "%.0f MB (kernel JVM %.0f + user VM %.0f)" % (
        memory["kernel_jvm_mb"] + memory["user_vm_mb"], memory["kernel_jvm_mb"], memory["user_vm_mb"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="jconcur", help="kernelspec name")
    parser.add_argument("--java", required=True, help="the java that runs the floor")
    parser.add_argument("--floor-classpath", required=True, help="bench classes and the kernel jar")
    parser.add_argument("--notebook", required=True, help="the chapter whose code cells are run")
    parser.add_argument("--launches", type=int, default=3)
    args = parser.parse_args()

    kernel = measure(lambda: Kernel(args.kernel), args.launches, args.notebook, True)
    floor = measure(lambda: Floor(args.java, args.floor_classpath), args.launches, args.notebook, False)
    rows = [
        ("launch -> kernel_info_reply", median_ms(kernel["kernel_info_s"]), "-"),
        ("launch -> first 1 + 1 result", median_ms(kernel["first_result_s"]), median_ms(floor["first_result_s"])),
        ("restart -> next result", median_ms(kernel["restart_result_s"]), median_ms(floor["restart_result_s"])),
        ("resident, idle after 1 + 1", total(kernel["idle"]), total(floor["idle"])),
        ("resident, after chapter 1 (cells ok)", total(kernel["after_chapter"]) + " " + kernel["chapter_cells_ok"],
         total(floor["after_chapter"]) + " " + floor["chapter_cells_ok"]),
    ]
    width = max(len(r[0]) for r in rows)
    print("%-*s  %-48s  %s" % (width, "", "jconcur (kernel JVM + user VM)", "floor (in-process JShell)"))
    for name, ours, floor_figure in rows:
        print("%-*s  %-48s  %s" % (width, name, ours, floor_figure))
    print(json.dumps({"jconcur": kernel, "floor": floor}))


if __name__ == "__main__":
    sys.exit(main())
