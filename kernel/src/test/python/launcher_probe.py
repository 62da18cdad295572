"""A stand-in for a Jupyter server or console that will die: it launches the jconcur kernel with
jupyter_client (which names it in the kernel's JPY_PARENT_PID), runs one cell, prints one JSON line with the
kernel's pid and connection file, then waits to be killed. Run by test_launcher.
"""

import json
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

from kernel_harness import KERNEL_NAME


def main():
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    reply = kc.execute_interactive("1 + 1", timeout=120, output_hook=lambda message: None)
    print(json.dumps({"kernel_pid": km.provisioner.pid, "connection_file": km.connection_file,
                      "status": reply["content"]["status"]}), flush=True)
    while True:
        time.sleep(60)


if __name__ == "__main__":
    sys.exit(main())
