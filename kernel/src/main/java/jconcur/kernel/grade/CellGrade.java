package jconcur.kernel.grade;

/**
 * The grade of one nbgrader grade cell. points is null for cells graded by hand (solution cells with
 * points). status: passed, partial, failed, manual, missing (deleted by the student), not run.
 */
public record CellGrade(String gradeId, Double points, double maxPoints, String status, String error) {

    public static final String PASSED = "passed";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";
    public static final String MANUAL = "manual";
    public static final String MISSING = "missing";
    public static final String NOT_RUN = "not run";
}
