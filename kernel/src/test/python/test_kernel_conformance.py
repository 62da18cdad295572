"""Conformance of the jconcur kernel, checked by Jupyter's own jupyter_kernel_test.

Run by KernelConformanceIT with JUPYTER_PATH pointing at a freshly installed kernelspec:
    .venv/bin/python -m unittest -v test_kernel_conformance
JCONCUR_KERNEL_NAME selects another kernelspec (the protocol-only run uses a scripted engine).
"""

import os
import unittest

import jupyter_kernel_test


class JconcurKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("JCONCUR_KERNEL_NAME", "jconcur")

    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'

    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Integer.MAX_VA", "matches": {"MAX_VALUE"}},
        {"text": "Thread.currentThr", "matches": {"currentThread()"}},
    ]

    complete_code_samples = [
        "1 + 1",
        "int x = 1;",
        "void f() {}",
        'System.out.println("hi");',
        "class A { int a; }",
    ]
    incomplete_code_samples = [
        "void f() {",
        "int y = (1 +",
        "for (int i = 0; i < 3; i++) {",
        "class B {",
    ]
    invalid_code_samples = [
        "int 1x = 2;",
        "}",
    ]

    # IPython's help syntax: name? pages the documentation (execute_reply payload, source "page").
    code_page_something = "String?"

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"con" + "cur"', "result": '"concur"'},
        {"code": "List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]

    code_display_data = [
        {"code": 'display("hello");', "mime": "text/plain"},
        {"code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": 'display(new MimeBundle(Map.of("text/html", "<b>hi</b>", "text/plain", "hi"), Map.of()));',
         "mime": "text/html"},
    ]

    # '?' matches the '*' of "6 * 7" and nothing else in this session's history.
    code_history_pattern = "6 ? 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "String"

    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
