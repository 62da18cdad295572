package jconcur.kernel.magic;

import java.util.regex.Pattern;

/**
 * nbgrader's region markers written Python-style ({@code ### BEGIN SOLUTION}) are not Java; the kernel
 * treats such lines as blank so that a teacher's source notebook runs as it is. Markers written as Java
 * comments ({@code // ### BEGIN SOLUTION}) need nothing.
 */
final class NbgraderMarkers {

    private static final Pattern MARKER_LINE = Pattern.compile(
            "(?m)^[ \\t]*#{2,}[ \\t]*(BEGIN|END)[ \\t]+(SOLUTION|HIDDEN TESTS)[ \\t]*$");

    private NbgraderMarkers() {}

    static String blankOut(String cell) {
        return cell.contains("#") ? MARKER_LINE.matcher(cell).replaceAll("") : cell;
    }
}
