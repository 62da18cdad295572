package jconcur.concurrency;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Finds and describes the first difference between two results (lists, arrays, maps, strings, nested). */
final class Differences {

    private static final int MAX_SHOWN = 120;

    private Differences() {
    }

    /** Empty when equal (deep equality for arrays); else where and how they first differ. */
    static Optional<String> first(Object expected, Object actual) {
        return Optional.ofNullable(describe("", expected, actual));
    }

    /** Compares two results as multisets: same elements with the same counts, in any order. */
    static Optional<String> firstIgnoringOrder(Object expected, Object actual) {
        if (!isSequence(expected) || !isSequence(actual)) {
            return first(expected, actual);
        }
        Map<Object, Integer> missing = counts(asList(expected));
        List<Object> extra = new ArrayList<>();
        for (Object element : asList(actual)) {
            Object key = Key.of(element);
            Integer count = missing.get(key);
            if (count == null) {
                extra.add(element);
            } else if (count == 1) {
                missing.remove(key);
            } else {
                missing.put(key, count - 1);
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("the elements differ (order ignored): sizes ")
                .append(sizeOf(expected)).append(" and ").append(sizeOf(actual));
        if (!missing.isEmpty()) {
            out.append("; missing ").append(shorten(missing.keySet().stream().map(Key::unwrap).toList()));
        }
        if (!extra.isEmpty()) {
            out.append("; unexpected ").append(shorten(extra));
        }
        return Optional.of(out.toString());
    }

    /** A value's text, cut to a readable length. */
    static String shorten(Object value) {
        String text = value != null && value.getClass().isArray() ? arrayText(value) : String.valueOf(value);
        if (value instanceof String) {
            text = '"' + text + '"';
        }
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }

    private static String describe(String path, Object expected, Object actual) {
        if (expected == actual) {
            return null;
        }
        if (expected == null || actual == null) {
            return at(path) + "expected " + shorten(expected) + " but was " + shorten(actual);
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return describeMaps(path, e, a);
        }
        if (expected instanceof Set<?> e && actual instanceof Set<?> a) {
            return describeSets(path, e, a);
        }
        if (isSequence(expected) && isSequence(actual)) {
            return describeSequences(path, expected, actual);
        }
        if (expected instanceof CharSequence e && actual instanceof CharSequence a) {
            return describeText(path, e.toString(), a.toString());
        }
        if (Objects.equals(expected, actual)) {
            return null;
        }
        String types = expected.getClass() == actual.getClass() ? ""
                : " (types " + expected.getClass().getSimpleName() + " and " + actual.getClass().getSimpleName() + ")";
        return at(path) + "expected " + shorten(expected) + " but was " + shorten(actual) + types;
    }

    private static String describeSequences(String path, Object expected, Object actual) {
        List<?> e = asList(expected);
        List<?> a = asList(actual);
        int common = Math.min(e.size(), a.size());
        for (int i = 0; i < common; i++) {
            String difference = describe(path + "[" + i + "]", e.get(i), a.get(i));
            if (difference != null) {
                return path.isEmpty() ? difference + sizes(e, a) : difference;
            }
        }
        if (e.size() == a.size()) {
            return null;
        }
        int i = common;
        Object next = e.size() > common ? e.get(i) : a.get(i);
        return at(path) + "sizes differ: expected " + e.size() + " elements but was " + a.size()
                + "; first " + (e.size() > common ? "missing" : "extra") + " element at index " + i + ": "
                + shorten(next);
    }

    private static String describeMaps(String path, Map<?, ?> expected, Map<?, ?> actual) {
        for (Map.Entry<?, ?> entry : expected.entrySet()) {
            if (!actual.containsKey(entry.getKey())) {
                return at(path) + "key " + shorten(entry.getKey()) + " is missing (expected value "
                        + shorten(entry.getValue()) + ")";
            }
            String difference = describe(path + "[" + shorten(entry.getKey()) + "]", entry.getValue(),
                    actual.get(entry.getKey()));
            if (difference != null) {
                return difference;
            }
        }
        for (Object key : actual.keySet()) {
            if (!expected.containsKey(key)) {
                return at(path) + "unexpected key " + shorten(key) + " with value " + shorten(actual.get(key));
            }
        }
        return null;
    }

    private static String describeSets(String path, Set<?> expected, Set<?> actual) {
        if (expected.equals(actual)) {
            return null;
        }
        List<Object> missing = expected.stream().filter(x -> !actual.contains(x)).map(x -> (Object) x).toList();
        List<Object> extra = actual.stream().filter(x -> !expected.contains(x)).map(x -> (Object) x).toList();
        return at(path) + "sets differ: sizes " + expected.size() + " and " + actual.size()
                + (missing.isEmpty() ? "" : "; missing " + shorten(missing))
                + (extra.isEmpty() ? "" : "; unexpected " + shorten(extra));
    }

    private static String describeText(String path, String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 20);
        return at(path) + "strings differ at character " + i + " (lengths " + expected.length() + " and "
                + actual.length() + "): expected \"..." + excerpt(expected, from, i) + "\" but was \"..."
                + excerpt(actual, from, i) + "\"";
    }

    private static String excerpt(String text, int from, int at) {
        return text.substring(Math.min(from, text.length()), Math.min(text.length(), at + 20));
    }

    private static String sizes(List<?> expected, List<?> actual) {
        return " (sizes " + expected.size() + " and " + actual.size() + ")";
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : "at " + path + ": ";
    }

    private static boolean isSequence(Object value) {
        return value instanceof List<?> || value instanceof Collection<?> && !(value instanceof Set<?>)
                || value != null && value.getClass().isArray();
    }

    private static int sizeOf(Object sequence) {
        return asList(sequence).size();
    }

    private static List<?> asList(Object sequence) {
        if (sequence instanceof List<?> list) {
            return list;
        }
        if (sequence instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        int length = Array.getLength(sequence);
        List<Object> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            list.add(Array.get(sequence, i));
        }
        return list;
    }

    private static String arrayText(Object array) {
        StringBuilder out = new StringBuilder("[");
        Iterator<?> it = asList(array).iterator();
        while (it.hasNext() && out.length() < MAX_SHOWN) {
            out.append(shorten(it.next()));
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(']').toString();
    }

    private static Map<Object, Integer> counts(List<?> elements) {
        Map<Object, Integer> counts = new LinkedHashMap<>();
        for (Object element : elements) {
            counts.merge(Key.of(element), 1, Integer::sum);
        }
        return counts;
    }

    /** Wraps arrays so nested arrays compare by content in hash maps. */
    private record Key(Object value) {
        static Object of(Object value) {
            return value != null && value.getClass().isArray() ? new Key(value) : value;
        }

        static Object unwrap(Object key) {
            return key instanceof Key k ? k.value : key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && java.util.Objects.deepEquals(value, k.value);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.deepHashCode(new Object[] {value});
        }
    }
}
