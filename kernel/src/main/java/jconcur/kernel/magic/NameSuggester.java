package jconcur.kernel.magic;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Close names for a mistyped one: small edit distance, or one is a prefix of the other. */
final class NameSuggester {

    private NameSuggester() {}

    static List<String> closeNames(String typed, Collection<String> known) {
        String t = typed.toLowerCase();
        int limit = Math.max(1, Math.min(3, t.length() / 3 + 1));
        return known.stream()
                .filter(name -> {
                    String n = name.toLowerCase();
                    return distance(t, n) <= limit || (t.length() >= 2 && (n.startsWith(t) || t.startsWith(n)));
                })
                .sorted(Comparator.comparingInt((String name) -> distance(t, name.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(5)
                .toList();
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
