package jconcur.kernel.engine;

import java.util.regex.Pattern;

/** Removes JShell's wrapper class names (REPL.$JShell$12$Foo -> Foo) from names and messages. */
final class WrapperNames {

    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*[$.]?");

    private WrapperNames() {}

    static String expunge(String text) {
        return text == null ? null : WRAPPER.matcher(text).replaceAll("");
    }
}
