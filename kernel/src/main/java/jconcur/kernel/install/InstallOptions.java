package jconcur.kernel.install;

import java.nio.file.Path;
import java.util.List;

/** Parsed arguments of {@code install [--user|--sys-prefix|--prefix P] [--replace]}. */
public record InstallOptions(Target target, Path prefix, boolean replace) {

    public enum Target { USER, SYS_PREFIX, PREFIX }

    public static final String USAGE = "install [--user | --sys-prefix | --prefix DIR] [--replace]\n"
            + "  install the kernelspec 'jconcur' (\"Java (jconcur)\") with a copy of this jar\n"
            + "  --user        into the user's Jupyter data dir ($JUPYTER_DATA_DIR or ~/.local/share/jupyter); default\n"
            + "  --sys-prefix  into the Python environment that has Jupyter (or $JCONCUR_SYS_PREFIX)\n"
            + "  --prefix DIR  into DIR/share/jupyter/kernels/jconcur\n"
            + "  --replace     replace an existing jconcur kernelspec";

    public static InstallOptions parse(List<String> args) {
        Target target = null;
        Path prefix = null;
        boolean replace = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--user" -> target = choose(target, Target.USER, arg);
                case "--sys-prefix" -> target = choose(target, Target.SYS_PREFIX, arg);
                case "--prefix" -> {
                    target = choose(target, Target.PREFIX, arg);
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new InstallException("--prefix needs a directory: --prefix DIR");
                    }
                    prefix = Path.of(args.get(++i));
                }
                case "--replace" -> replace = true;
                default -> {
                    if (arg.startsWith("--prefix=")) {
                        target = choose(target, Target.PREFIX, "--prefix");
                        prefix = Path.of(arg.substring("--prefix=".length()));
                    } else {
                        throw new InstallException("unknown install option '" + arg + "'");
                    }
                }
            }
        }
        return new InstallOptions(target == null ? Target.USER : target, prefix, replace);
    }

    private static Target choose(Target current, Target wanted, String option) {
        if (current != null && current != wanted) {
            throw new InstallException(option + " cannot be combined with another of --user, --sys-prefix, --prefix");
        }
        return wanted;
    }

    /** The kernels directory the kernelspec goes into. */
    public Path kernelsDir(JupyterPaths paths) {
        Path dataDir = switch (target) {
            case USER -> paths.dataDir();
            case SYS_PREFIX -> paths.sysPrefix().resolve("share").resolve("jupyter");
            case PREFIX -> prefix.resolve("share").resolve("jupyter");
        };
        return dataDir.toAbsolutePath().normalize().resolve("kernels");
    }
}
