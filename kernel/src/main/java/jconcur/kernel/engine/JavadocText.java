package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a raw javadoc comment (as JShell returns it: HTML, inline tags such as {@code {@link ...}}, block
 * tags such as {@code @param}) as plain text or Markdown for the notebook's inspector and pager.
 */
final class JavadocText {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(\\w+)\\s*([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(\\w+)\\s+");
    /** A code example: its braces may nest, which the inline tag pattern does not follow. */
    private static final Pattern PRE_CODE = Pattern.compile("(?s)<pre>\\s*\\{@code(.*?)\\}\\s*</pre>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private JavadocText() {}

    static String plain(String javadoc) {
        return render(javadoc, false);
    }

    static String markdown(String javadoc) {
        return render(javadoc, true);
    }

    private static String render(String javadoc, boolean markdown) {
        Matcher block = BLOCK_TAG.matcher(javadoc);
        int end = block.find() ? block.start() : javadoc.length();
        StringBuilder out = new StringBuilder(prose(javadoc.substring(0, end), markdown));
        List<String[]> tags = new ArrayList<>();
        while (end < javadoc.length()) {
            String name = block.group(1);
            int textStart = block.end();
            end = block.find() ? block.start() : javadoc.length();
            tags.add(new String[] {name, javadoc.substring(textStart, end).strip()});
        }
        String section = null;
        for (String[] tag : tags) {
            String title = switch (tag[0]) {
                case "param" -> "Parameters";
                case "return" -> "Returns";
                case "throws", "exception" -> "Throws";
                case "see" -> "See also";
                case "since" -> "Since";
                default -> null;
            };
            if (title == null) {
                continue;
            }
            if (!title.equals(section)) {
                out.append("\n\n").append(markdown ? "**" + title + ":**" : title + ":");
                section = title;
            }
            String text = tag[1];
            if (tag[0].equals("param") || tag[0].equals("throws") || tag[0].equals("exception")) {
                String[] nameAndText = text.split("\\s+", 2);
                String what = markdown ? "`" + nameAndText[0] + "`" : nameAndText[0];
                text = what + (nameAndText.length > 1 ? " - " + nameAndText[1] : "");
            }
            out.append("\n").append(markdown ? "- " : "  ").append(prose(text, markdown).replace("\n", " "));
        }
        return out.toString().strip();
    }

    /** Text with inline tags and HTML resolved. */
    private static String prose(String text, boolean markdown) {
        // <pre>{@code ...}</pre> becomes <pre>...</pre>, a code block below.
        Matcher pre = PRE_CODE.matcher(text);
        StringBuilder examples = new StringBuilder();
        while (pre.find()) {
            String code = pre.group(1).stripTrailing().replaceFirst("^[ \\t]*\\n", "");
            pre.appendReplacement(examples, Matcher.quoteReplacement("<pre>" + code + "</pre>"));
        }
        pre.appendTail(examples);
        Matcher inline = INLINE_TAG.matcher(examples);
        StringBuilder resolved = new StringBuilder();
        while (inline.find()) {
            String body = inline.group(2).strip();
            String replacement = switch (inline.group(1)) {
                case "code", "literal" -> markdown && inline.group(1).equals("code") ? "`" + body + "`" : body;
                case "link", "linkplain" -> linkText(body, markdown);
                case "inheritDoc" -> "";
                default -> body;
            };
            inline.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        inline.appendTail(resolved);
        String s = resolved.toString()
                .replaceAll("(?i)<p>|</p>\\s*<p>", "\n\n")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)<li>", "\n- ")
                .replaceAll("(?i)<pre>(?:\\{@code)?", markdown ? "\n```java\n" : "\n")
                .replaceAll("(?i)</pre>", markdown ? "\n```\n" : "\n")
                .replaceAll("(?i)</?(?:code|tt)>", markdown ? "`" : "")
                .replaceAll("(?i)</?(?:b|strong)>", markdown ? "**" : "")
                .replaceAll("(?i)</?(?:i|em)>", markdown ? "*" : "");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&#64;", "@")
                .replace("&quot;", "\"").replace("&amp;", "&");
        return s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** "Foo#bar(int) the bar" -> "the bar"; "java.util.List#size()" -> "List.size()". */
    private static String linkText(String body, boolean markdown) {
        int paren = body.indexOf('(');
        int space = body.indexOf(' ');
        // A member's parameter list may hold spaces: the target ends at its ')'.
        int targetEnd = paren >= 0 && (space < 0 || paren < space) && body.indexOf(')', paren) > 0
                ? body.indexOf(')', paren) + 1 : space < 0 ? body.length() : space;
        String label = body.substring(targetEnd).strip();
        if (!label.isEmpty()) {
            return label;
        }
        String target = body.substring(0, targetEnd);
        int hash = target.indexOf('#');
        String type = hash < 0 ? target : target.substring(0, hash);
        String member = hash < 0 ? "" : target.substring(hash + 1);
        String simpleType = type.substring(type.lastIndexOf('.') + 1);
        String name = simpleType.isEmpty() ? member : member.isEmpty() ? simpleType : simpleType + "." + member;
        return markdown ? "`" + name + "`" : name;
    }
}
