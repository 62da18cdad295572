"""Executes a notebook with nbclient for `java -jar jconcur-kernel.jar grade`.

usage: execute_notebook.py SOURCE.ipynb EXECUTED.ipynb KERNEL_NAME CELL_TIMEOUT_SECONDS WORKING_DIR

Errors in cells do not stop the run (nbgrader's autograde does the same); a cell that runs longer than
the timeout is interrupted and counts as failed. The executed notebook is written even when the kernel
dies; the problem is then printed on stderr and the exit status is 3.
"""
import sys

import nbformat
from nbclient import NotebookClient


def main():
    source, executed, kernel_name, timeout, working_dir = sys.argv[1:6]
    notebook = nbformat.read(source, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=kernel_name,
        timeout=int(timeout),
        startup_timeout=120,
        allow_errors=True,
        interrupt_on_timeout=True,
        resources={"metadata": {"path": working_dir}},
    )
    problem = None
    try:
        client.execute()
    except Exception as e:  # a dead kernel, a kernel that never started: report, keep what ran
        problem = f"{type(e).__name__}: {e}"
    nbformat.write(notebook, executed)
    if problem:
        print(problem, file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main()
