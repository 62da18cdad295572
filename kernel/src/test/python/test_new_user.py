"""What a new user trips over (issue 16), each item through the installed kernel with jupyter_client.

Run by NewUserIT with JUPYTER_PATH pointing at a freshly installed kernelspec:
    .venv/bin/python -m unittest -v test_new_user
"""

import unittest

from kernel_harness import RunningKernel


class NewUserTests(unittest.TestCase):
    """One kernel for all: each test uses its own names."""

    @classmethod
    def setUpClass(cls):
        cls.kernel = RunningKernel()

    @classmethod
    def tearDownClass(cls):
        cls.kernel.shutdown()

    def test_kernel_jvm_options_reach_no_other_process(self):
        run = self.kernel.ok('%%bash\necho "options=[${JDK_JAVA_OPTIONS-}]"')
        self.assertIn("options=[]", run.stream("stdout"), run.describe())
        self.assertNotIn("Picked up", self.kernel.log())


if __name__ == "__main__":
    unittest.main()
