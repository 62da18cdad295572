package jconcur.kernel.debug;

/**
 * The source path of a cell as JupyterLab's debugger computes it: prefix + Murmur2(UTF-8 code, seed) + suffix.
 * The prefix is virtual (no file is written): frames and breakpoints only need both sides to agree on the name.
 */
final class CellPaths {

    static final String HASH_METHOD = "Murmur2";
    /** Any fixed 32-bit value works; JupyterLab takes it from debugInfo. */
    static final long SEED = 3339675911L;
    static final String PREFIX = "/jconcur/cells/";
    static final String SUFFIX = ".jsh";

    private CellPaths() {}

    static String of(String code) {
        return PREFIX + Murmur2.hash(code, SEED) + SUFFIX;
    }
}
