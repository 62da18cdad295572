package jconcur.kernel.grade;

import java.util.Locale;

/** The three submissions the nbgrader round trip grades for every assignment; each is a student of the course. */
enum Submission {
    /** The release notebook with the source notebook's solution cells: full automatic points. */
    SOLUTION,
    /** The release notebook with the cells of wrong-submission.json: partial points. */
    WRONG,
    /** The release notebook as the students get it: no points. */
    RELEASE;

    /** The student id in the course, and the key in expected-scores.json. */
    String studentId() {
        return name().toLowerCase(Locale.ROOT);
    }
}
