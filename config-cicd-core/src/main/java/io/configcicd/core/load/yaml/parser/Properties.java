package io.configcicd.core.load.yaml.parser;

import io.configcicd.core.load.ParseMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Node properties (anchor and tag) and the tag handles of the current document ({@code %TAG} directives). A tag
 * is resolved to its full form: {@code !!str} is {@code tag:yaml.org,2002:str}, {@code !x} stays {@code !x}.
 */
final class Properties {

    static final String CORE = "tag:yaml.org,2002:";

    /** The properties of one node and where they start. */
    record Props(String anchor, String tag, int line, int column) {
    }

    private final Cursor c;
    private final Map<String, String> handles = new HashMap<>();

    Properties(Cursor c) {
        this.c = c;
    }

    /** Forgets the %TAG directives of the previous document. */
    void reset() {
        handles.clear();
    }

    /** Defines a handle by a %TAG directive; an error when the document defines it twice. */
    void define(String handle, String prefix, int at) {
        if (handles.putIfAbsent(handle, prefix) != null) {
            throw c.errorAt(at, "the tag handle " + ParseMessages.quote(handle) + " is defined twice");
        }
    }

    static boolean starts(char ch) {
        return ch == '&' || ch == '!';
    }

    /**
     * Reads an anchor, a tag or both (in either order, separated by spaces) at pos; pos ends after the last one.
     * Returns null when pos is at neither.
     */
    Props parse() {
        if (!starts(c.cur())) {
            return null;
        }
        int line = c.line;
        int column = c.column();
        String anchor = null;
        String tag = null;
        while (starts(c.cur())) {
            int at = c.pos;
            if (c.cur() == '&') {
                if (anchor != null) {
                    throw c.error("a node has two anchors");
                }
                anchor = name();
            } else {
                if (tag != null) {
                    throw c.error("a node has two tags");
                }
                tag = tag();
            }
            char next = c.cur();
            if (!Cursor.blankOrEnd(next) && !Cursor.flowIndicator(next)) {
                throw c.errorAt(at, "a space must follow an anchor or tag");
            }
            int save = c.pos;
            c.skipSpace();
            if (!starts(c.cur())) {
                c.pos = save;
            }
        }
        return new Props(anchor, tag, line, column);
    }

    /** The properties of a node written on two lines (an anchor on one, a tag on the other). */
    static Props merge(Props first, Props second, Cursor c) {
        if (first == null) {
            return second;
        }
        if (first.anchor() != null && second.anchor() != null || first.tag() != null && second.tag() != null) {
            throw c.errorAt(c.pos, "a node has two anchors or two tags");
        }
        return new Props(first.anchor() != null ? first.anchor() : second.anchor(),
                first.tag() != null ? first.tag() : second.tag(), first.line(), first.column());
    }

    /** Reads the name after '&' or '*' at pos. */
    String name() {
        int start = ++c.pos;
        int p = start;
        while (p < c.end && !Cursor.blankOrEnd(c.s[p]) && !Cursor.flowIndicator(c.s[p])) {
            p++;
        }
        if (p == start) {
            throw c.error("an anchor or alias needs a name");
        }
        c.pos = p;
        return new String(c.s, start, p - start);
    }

    private String tag() {
        int start = c.pos;
        if (c.peek(1) == '<') {
            int p = start + 2;
            while (p < c.end && c.s[p] != '>' && !Cursor.blankOrEnd(c.s[p])) {
                p++;
            }
            if (c.at(p) != '>' || p == start + 2) {
                throw c.error("a verbatim tag !<...> is not closed");
            }
            c.pos = p + 1;
            return decode(new String(c.s, start + 2, p - start - 2), start);
        }
        int p = start + 1;
        while (p < c.end && isWord(c.s[p])) {
            p++;
        }
        String handle = "!";
        int suffix = start + 1;
        if (c.at(p) == '!') {
            handle = new String(c.s, start, p + 1 - start);
            suffix = p + 1;
        }
        p = suffix;
        while (p < c.end && !Cursor.blankOrEnd(c.s[p]) && !Cursor.flowIndicator(c.s[p])) {
            p++;
        }
        c.pos = p;
        if (p == suffix && !handle.equals("!")) {
            throw c.errorAt(start, "expected a name after the tag handle " + ParseMessages.quote(handle));
        }
        String prefix = prefix(handle, start);
        if (p == suffix) {
            return "!";
        }
        return prefix + decode(new String(c.s, suffix, p - suffix), start);
    }

    private String prefix(String handle, int at) {
        String prefix = handles.get(handle);
        if (prefix != null) {
            return prefix;
        }
        return switch (handle) {
            case "!" -> "!";
            case "!!" -> CORE;
            default -> throw c.errorAt(at, "the tag handle " + ParseMessages.quote(handle)
                    + " is not defined by a %TAG directive");
        };
    }

    static boolean isWord(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-';
    }

    /** The tag with its %XX escapes decoded. */
    private String decode(String tag, int at) {
        if (tag.indexOf('%') < 0) {
            return tag;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < tag.length(); i++) {
            char ch = tag.charAt(i);
            if (ch == '%') {
                if (i + 2 >= tag.length()) {
                    throw c.errorAt(at, "a bad %-escape in a tag");
                }
                int v = Character.digit(tag.charAt(i + 1), 16) << 4 | Character.digit(tag.charAt(i + 2), 16);
                if (v < 0) {
                    throw c.errorAt(at, "a bad %-escape in a tag");
                }
                bytes.write(v);
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
