package jconcur.kernel.magic;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jconcur.kernel.engine.ExecuteOutcome;

/** %lsmagic: the line and cell magics, as IPython lists them. */
final class LsMagic implements Magic {

    private final Supplier<MagicRegistry> registry;

    LsMagic(Supplier<MagicRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public String usage() {
        return "%lsmagic";
    }

    @Override
    public String help() {
        return "Lists the magics. %name? (or %%name?) shows the help of one.";
    }

    @Override
    public ExecuteOutcome line(String args, MagicContext context) {
        MagicRegistry magics = registry.get();
        StringBuilder out = new StringBuilder("Available line magics:\n")
                .append(magics.names(false).stream().map(n -> "%" + n).collect(Collectors.joining("  ")))
                .append("\n\nAvailable cell magics:\n")
                .append(magics.names(true).stream().map(n -> "%%" + n).collect(Collectors.joining("  ")))
                .append("\n\n");
        for (Magic magic : magics.all()) {
            out.append(String.format("%-40s %s%n", magic.usage().split("\n")[0], firstSentence(magic.help())));
        }
        out.append("\nMagics go on the first lines of a cell. %name? (or %%name?) shows the help of one.");
        context.print(out.toString());
        return new ExecuteOutcome.Ok(Optional.empty());
    }

    private static String firstSentence(String help) {
        String flat = help.strip().replaceAll("\\s+", " ");
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }
}
