package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * What JShell knows about a snippet's effect on earlier ones, said briefly as its own tool does: a method or
 * type whose code changed ("modified method merge(int[], int[])"), and declarations that can no longer be used
 * because of it ("replaced variable j1, which cannot be referenced until this error is corrected: ..."). A
 * cell run again unchanged, and a variable declared again, say nothing.
 */
final class SnippetNotes {

    private SnippetNotes() {}

    /** Notes on the events of one eval, the snippet's own first; empty for most snippets. */
    static List<String> of(JShell jshell, List<SnippetEvent> events) {
        List<String> notes = new ArrayList<>();
        List<String> dependents = new ArrayList<>();
        Snippet main = events.get(0).snippet();
        for (SnippetEvent event : events.subList(1, events.size())) {
            if (event.causeSnippet() != main) {
                continue;
            }
            Snippet old = event.snippet();
            if (event.status() == Snippet.Status.OVERWRITTEN && old.kind() == main.kind()
                    && !(main instanceof VarSnippet) && !sameCode(old, main)) {
                notes.add((main instanceof MethodSnippet ? "modified " : "replaced ") + describe(main));
            } else if (old instanceof DeclarationSnippet declaration && !event.status().isDefined()
                    && event.status() != Snippet.Status.OVERWRITTEN && event.status() != Snippet.Status.DROPPED
                    && event.previousStatus() == Snippet.Status.VALID) {
                dependents.add("replaced " + describe(declaration) + ", which cannot be referenced until "
                        + unusableUntil(jshell, declaration));
            }
        }
        notes.addAll(dependents);
        return notes;
    }

    /** "variable j1", "method merge(int[], int[])", "record Job", or the snippet's source for others. */
    static String describe(Snippet snippet) {
        return switch (snippet) {
            case VarSnippet v -> "variable " + v.name();
            case MethodSnippet m -> "method " + m.name() + "(" + m.parameterTypes().replace(",", ", ") + ")";
            case TypeDeclSnippet t -> typeKind(t) + " " + t.name();
            case DeclarationSnippet d -> d.name();
            default -> snippet.source().strip();
        };
    }

    /** Whether a snippet declares something, so that it stays defined when a later part of the cell fails. */
    static Optional<String> declared(Snippet snippet) {
        return snippet instanceof DeclarationSnippet ? Optional.of(describe(snippet)) : Optional.empty();
    }

    private static String typeKind(TypeDeclSnippet t) {
        return switch (t.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
    }

    private static boolean sameCode(Snippet a, Snippet b) {
        return a.source().strip().equals(b.source().strip());
    }

    private static String unusableUntil(JShell jshell, DeclarationSnippet declaration) {
        List<String> errors = jshell.diagnostics(declaration).filter(Diag::isError)
                .map(d -> d.getMessage(Locale.ROOT).lines().findFirst().orElse("").strip()).distinct().toList();
        if (!errors.isEmpty()) {
            return "this error is corrected: " + String.join("; ", errors);
        }
        String missing = jshell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
        return missing.isEmpty() ? "it is declared again" : missing + " is declared";
    }
}
