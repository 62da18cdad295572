"""Processes as Linux's /proc shows them: which are alive, whose children they are, how much memory they hold.
Used by the kernel's client tests (kernel_harness, hub_course) and by bench/kernel_startup.py.
"""

import os


def _stat_fields(pid):
    """State, parent pid, ... of a process (the fields after its name), or None when it is gone."""
    try:
        with open("/proc/%s/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None


def process_alive(pid):
    """True while pid exists and is not a zombie."""
    fields = _stat_fields(pid)
    return fields is not None and fields[0] != "Z"


def children(pid):
    """Pids of the live child processes of pid (whichever of its threads started them)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(entry)
            if fields is not None and fields[0] != "Z" and int(fields[1]) == pid:
                found.append(int(entry))
    return found


def descendants(pid):
    """pid and every live process below it."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children(p))
    return found


def rss_mb(pid):
    """Resident set size of pid in MB (0 when it is gone)."""
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0
