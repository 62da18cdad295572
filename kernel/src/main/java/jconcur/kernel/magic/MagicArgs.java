package jconcur.kernel.magic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A magic's argument line split like a shell does (whitespace, single and double quotes, backslash), with
 * leading options taken out. Options are given as the set of those taking a value; the first word that is
 * not an option ends the options (so code after them, as in {@code %timeit -n 10 f(-1)}, stays intact).
 */
final class MagicArgs {

    private final Map<String, String> options;
    private final List<String> words;
    private final String rest;

    private MagicArgs(Map<String, String> options, List<String> words, String rest) {
        this.options = options;
        this.words = words;
        this.rest = rest;
    }

    /** Parses options and splits the remaining text into shell words. */
    static MagicArgs parse(String line, Set<String> valueOptions, Set<String> flags) throws MagicUsageException {
        Map<String, String> options = new LinkedHashMap<>();
        String remaining = line.strip();
        while (remaining.startsWith("-")) {
            String[] head = remaining.split("\\s+", 2);
            String option = head[0];
            String after = head.length > 1 ? head[1] : "";
            String attached = null;
            // -n100 is -n 100, as IPython's getopt accepts it.
            if (!valueOptions.contains(option) && !flags.contains(option) && option.length() > 2
                    && valueOptions.contains(option.substring(0, 2))) {
                attached = option.substring(2);
                option = option.substring(0, 2);
            }
            if (valueOptions.contains(option)) {
                if (attached == null) {
                    String[] value = after.split("\\s+", 2);
                    if (value[0].isEmpty()) {
                        throw new MagicUsageException("option " + option + " needs a value");
                    }
                    attached = value[0];
                    after = value.length > 1 ? value[1] : "";
                }
                options.put(option, attached);
            } else if (flags.contains(option)) {
                options.put(option, "");
            } else if (valueOptions.isEmpty() && flags.isEmpty()) {
                break;
            } else if (option.matches("-[A-Za-z]+")) {
                throw new MagicUsageException("unknown option " + option);
            } else {
                break;
            }
            remaining = after.strip();
        }
        return new MagicArgs(options, split(remaining), remaining);
    }

    static List<String> split(String text) throws MagicUsageException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < text.length()) word.append(text.charAt(++i));
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new MagicUsageException("unclosed quote " + quote);
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    int intOption(String option, int fallback, int min) throws MagicUsageException {
        String value = options.get(option);
        if (value == null) return fallback;
        try {
            int n = Integer.parseInt(value);
            if (n < min) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new MagicUsageException("option " + option + " needs a whole number >= " + min + ", got '" + value + "'");
        }
    }

    List<String> words() {
        return words;
    }

    /** The text after the options, unsplit (code for %timeit, %time). */
    String rest() {
        return rest;
    }
}
