# nbgrader configuration for a course graded with the jconcur kernel (nbgrader 0.9.x); put it in the course root.
c = get_config()

c.CourseDirectory.course_id = "concurrency"

# The round trip's check data (notebooks/assignments/README.md) stays with the teacher: generate_assignment
# and autograde copy every other file of source/<assignment>/ to the students.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback",  # nbgrader's defaults
    "wrong-submission.json", "expected-scores.json",
]

# What replaces a solution region in the students' version, keyed by the notebook's kernelspec language.
# nbgrader's own Java stub is only a comment, which does not compile in a method that returns a value;
# a throw does, and tells the student what is missing. Setting the option replaces nbgrader's whole dict,
# so Python's stub is kept for a course that mixes languages.
c.ClearSolutions.code_stub = {
    "java": '// YOUR CODE HERE\nthrow new UnsupportedOperationException("not implemented yet");',
    "python": "# YOUR CODE HERE\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# autograde runs every notebook on the jconcur kernel, also one written on a kernelspec of another name
# (otherwise the kernelspec stored by generate_assignment decides).
c.Execute.kernel_name = "jconcur"
# The kernel JVM and the user VM start in a few seconds, but many students are graded one after another on a
# shared machine: nbgrader's 60 s start-up limit leaves no margin there.
c.Execute.startup_timeout = 180
# JUnit test cells, sweeps and the JIT's warm-up take longer than nbgrader's 30 s for a Python cell.
c.Execute.timeout = 300
# A cell that runs longer is interrupted and scores 0, and the next cell runs: the kernelspec's
# interrupt_mode is "message", so jupyter_client sends interrupt_request on the control channel, which
# stops the cell's thread in the user VM through JDI.
c.Execute.interrupt_on_timeout = True
# After the reply (or after that interrupt), nbclient waits this long for the cell's idle status before it
# fails the whole notebook; the kernel sends it at once, the margin is for a machine busy with grading.
c.Execute.iopub_timeout = 15
