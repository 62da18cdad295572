package jconcur.kernel.magic;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The magics by name and alias. */
final class MagicRegistry {

    private final Map<String, Magic> byName = new LinkedHashMap<>();
    private final List<Magic> magics;

    MagicRegistry(List<Magic> magics) {
        this.magics = List.copyOf(magics);
        for (Magic magic : magics) {
            register(magic.name(), magic);
            magic.aliases().forEach(alias -> register(alias, magic));
        }
    }

    private void register(String name, Magic magic) {
        if (byName.putIfAbsent(name, magic) != null) {
            throw new IllegalStateException("two magics named " + name);
        }
    }

    List<Magic> all() {
        return magics;
    }

    Optional<Magic> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Names (aliases included) usable as line magics, or as cell magics, sorted. */
    Collection<String> names(boolean cell) {
        TreeSet<String> names = new TreeSet<>();
        byName.forEach((name, magic) -> {
            if (cell ? magic.isCell() : magic.isLine()) names.add(name);
        });
        return names;
    }

    /** The %name? text: usage lines, then the help. */
    static String helpText(Magic magic) {
        StringBuilder text = new StringBuilder(magic.usage()).append("\n\n").append(magic.help().strip()).append('\n');
        if (!magic.aliases().isEmpty()) {
            text.append("\nAlso available as: %").append(String.join(", %", magic.aliases())).append('\n');
        }
        return text.toString();
    }
}
