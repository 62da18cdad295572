package jconcur.kernel.engine;

import java.util.List;

/** complete_reply content: matches replace code[cursorStart, cursorEnd). */
public record Completion(List<String> matches, int cursorStart, int cursorEnd) {}
