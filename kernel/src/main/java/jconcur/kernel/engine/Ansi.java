package jconcur.kernel.engine;

/** The few ANSI colours used in tracebacks (Jupyter front ends render them). */
final class Ansi {
    static final String RED = "\u001b[0;31m";
    static final String BOLD_RED = "\u001b[1;31m";
    static final String GREEN = "\u001b[0;32m";
    static final String CYAN = "\u001b[0;36m";
    static final String RESET = "\u001b[0m";

    private Ansi() {}
}
