# nbgrader configuration for a course that uses the jconcur kernel (place it in the course root).
c = get_config()

c.CourseDirectory.course_id = "concurrency"

# What replaces a "BEGIN SOLUTION ... END SOLUTION" region in the students' version of a Java notebook.
# The same stub as `java -jar jconcur-kernel.jar grade --student-version` writes.
c.ClearSolutions.code_stub = {
    "java": '// YOUR CODE HERE\nthrow new UnsupportedOperationException("not implemented yet");',
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# JUnit test cells and the user VM's start take longer than a Python cell.
c.ExecutePreprocessor.timeout = 300
