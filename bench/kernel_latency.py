"""Kernel latency, measured by a real Jupyter client (jupyter_client).

For each launch: time from starting the kernel process to its kernel_info_reply. Then, in one kernel,
the round trip of a trivial cell: execute_request sent -> status idle received (after warm-up).
With --debugger, the cells run with JupyterLab's debugger attached (initialize, attach; no breakpoint).
Prints a human summary and, with --json, one JSON object on the last line.

    .venv/bin/python bench/kernel_latency.py --kernel jconcur --launches 5 --cells 50 --code "1 + 1"
"""

import argparse
import json
import statistics
import sys
import time
from queue import Empty

import zmq
from jupyter_client.manager import KernelManager

TIMEOUT = 120


def wait_for_reply(kc, msg_id):
    while True:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_for_idle(kc, msg_id):
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def launch(kernel_name):
    """Starts a kernel; returns (manager, client, seconds until kernel_info_reply)."""
    km = KernelManager(kernel_name=kernel_name)
    # Retry connecting every 5 ms instead of libzmq's 100 ms, so the figure is the kernel's start time,
    # not the client's reconnect interval.
    km.context.setsockopt(zmq.RECONNECT_IVL, 5)
    start = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    msg_id = kc.kernel_info()
    reply = wait_for_reply(kc, msg_id)
    elapsed = time.perf_counter() - start
    if reply["content"].get("status") != "ok":
        raise RuntimeError(f"kernel_info failed: {reply['content']}")
    return km, kc, elapsed


def await_iopub(kc):
    """Sends kernel_info until its status reaches iopub: before that, a PUB socket drops what it sends."""
    for _ in range(100):
        msg_id = kc.kernel_info()
        wait_for_reply(kc, msg_id)
        deadline = time.perf_counter() + 0.2
        while time.perf_counter() < deadline:
            try:
                msg = kc.get_iopub_msg(timeout=0.05)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                while True:  # drain the rest of that request's messages
                    try:
                        kc.get_iopub_msg(timeout=0.05)
                    except Empty:
                        return
    raise RuntimeError("iopub never delivered a message")


def cell_round_trip(kc, code):
    start = time.perf_counter()
    msg_id = kc.execute(code)
    wait_for_idle(kc, msg_id)
    elapsed = time.perf_counter() - start
    reply = wait_for_reply(kc, msg_id)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell {code!r} failed: {reply['content']}")
    return elapsed


def attach_debugger(kc):
    """What JupyterLab sends when its debugger is switched on: initialize, then attach (debug_request on control)."""
    for seq, command in enumerate(("initialize", "attach"), start=1):
        msg = kc.session.msg("debug_request", {"type": "request", "seq": seq, "command": command, "arguments": {}})
        kc.control_channel.send(msg)
        while True:
            reply = kc.get_control_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                break
        if not reply["content"].get("success"):
            raise RuntimeError(f"debugger {command} failed: {reply['content']}")


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="jconcur", help="kernelspec name")
    parser.add_argument("--launches", type=int, default=5, help="kernel launches to time")
    parser.add_argument("--cells", type=int, default=50, help="timed cell round trips")
    parser.add_argument("--warmup", type=int, default=20, help="untimed cells before timing")
    parser.add_argument("--code", default="1 + 1", help="the trivial cell")
    parser.add_argument("--debugger", action="store_true", help="attach the debugger before the timed cells")
    parser.add_argument("--json", action="store_true", help="also print a JSON summary as the last line")
    args = parser.parse_args()

    launches = []
    for _ in range(args.launches - 1):
        km, kc, elapsed = launch(args.kernel)
        launches.append(elapsed)
        stop(km, kc)
    km, kc, elapsed = launch(args.kernel)
    launches.append(elapsed)
    try:
        await_iopub(kc)
        first_cell = cell_round_trip(kc, args.code)  # includes waiting for the user VM to boot
        if args.debugger:
            attach_debugger(kc)
        for _ in range(args.warmup):
            cell_round_trip(kc, args.code)
        cells = [cell_round_trip(kc, args.code) for _ in range(args.cells)]
    finally:
        stop(km, kc)

    summary = {
        "kernel": args.kernel,
        "code": args.code,
        "debugger": args.debugger,
        "launch_to_kernel_info_ms": [round(t * 1000, 1) for t in launches],
        "launch_to_kernel_info_median_ms": round(statistics.median(launches) * 1000, 1),
        "first_cell_ms": round(first_cell * 1000, 1),
        "cell_round_trip_median_ms": round(statistics.median(cells) * 1000, 3),
        "cell_round_trip_min_ms": round(min(cells) * 1000, 3),
        "cell_round_trip_max_ms": round(max(cells) * 1000, 3),
        "cells": len(cells),
    }
    print(f"launch -> kernel_info_reply: median {summary['launch_to_kernel_info_median_ms']} ms "
          f"over {len(launches)} launches {summary['launch_to_kernel_info_ms']}")
    print(f"first cell (waits for the user VM): {summary['first_cell_ms']} ms")
    print(f"trivial cell {args.code!r} round trip (execute_request -> status idle): median "
          f"{summary['cell_round_trip_median_ms']} ms, min {summary['cell_round_trip_min_ms']} ms, "
          f"max {summary['cell_round_trip_max_ms']} ms over {len(cells)} cells")
    if args.json:
        print(json.dumps(summary))


if __name__ == "__main__":
    sys.exit(main())
