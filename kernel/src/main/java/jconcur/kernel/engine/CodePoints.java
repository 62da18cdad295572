package jconcur.kernel.engine;

/** Jupyter counts cursor positions in Unicode code points; Java strings index UTF-16 chars. */
final class CodePoints {

    private CodePoints() {}

    static int toCharIndex(String text, int codePoints) {
        int clamped = Math.max(0, codePoints);
        try {
            return text.offsetByCodePoints(0, Math.min(clamped, text.codePointCount(0, text.length())));
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    static int toCodePoints(String text, int charIndex) {
        return text.codePointCount(0, Math.max(0, Math.min(charIndex, text.length())));
    }
}
