package jconcur.kernel.magic;

/** One use of a magic in a cell: {@code %name args} or {@code %%name args}; help is true for {@code %name?}. */
record MagicCall(String name, String args, boolean cell, boolean help) {

    String display() {
        return (cell ? "%%" : "%") + name;
    }
}
