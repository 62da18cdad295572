package jconcur.kernel.magic;

/** A cell magic whose body is Java, so completion and inspection inside it go to the engine. */
interface JavaBodyMagic extends Magic {}
