package jconcur.kernel.magic;

import java.util.List;
import java.util.function.Supplier;

/** The magics every kernel has. */
final class BuiltInMagics {

    private BuiltInMagics() {}

    static List<Magic> create(Supplier<MagicRegistry> registry) {
        MavenResolver resolver = new MavenResolver();
        return List.of(
                new TimeMagic(),
                new TimeitMagic(),
                new TestMagic(),
                new MavenMagic(resolver),
                new MavenRepoMagic(resolver),
                new LoadFromPomMagic(resolver),
                ClasspathMagic.classpath(),
                ClasspathMagic.jars(),
                new LoadMagic(),
                new JvmMagic(),
                new ResetMagic(),
                new ThreadsMagic(),
                new LsMagic(registry),
                new ShellMagic("bash"),
                new ShellMagic("sh"));
    }
}
