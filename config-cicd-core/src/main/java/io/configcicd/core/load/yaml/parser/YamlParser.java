package io.configcicd.core.load.yaml.parser;

import io.configcicd.core.load.ParseMessages;

/**
 * A YAML 1.2 parser: reads a stream of documents and reports its events to a {@link YamlEvents}. Syntax errors
 * are {@link YamlSyntaxException}s with the line and column; whatever the receiver throws passes through.
 */
public final class YamlParser {

    private final Cursor c;
    private final YamlEvents out;
    private final Properties props;
    private final BlockParser block;

    private YamlParser(String text, YamlEvents out) {
        this.c = new Cursor(text);
        this.out = out;
        this.props = new Properties(c);
        FlowScalars scalars = new FlowScalars(c);
        KeyLookahead keys = new KeyLookahead(c, scalars);
        FlowParser flow = new FlowParser(c, out, props, scalars, keys);
        this.block = new BlockParser(c, out, props, flow, new BlockScalars(c), keys);
    }

    /** Parses the text, reporting every event to {@code out}. */
    public static void parse(String text, YamlEvents out) {
        new YamlParser(text, out).stream();
    }

    private void stream() {
        boolean directivesAllowed = true;
        while (true) {
            c.skipToContent();
            if (c.cur() == Cursor.EOF) {
                return;
            }
            if (c.atMarker() && c.cur() == '.') {
                c.pos += 3;
                c.endLine();
                directivesAllowed = true;
                continue;
            }
            props.reset();
            boolean directives = c.pos == c.lineStart && c.cur() == '%';
            if (directives) {
                if (!directivesAllowed) {
                    throw c.error("a directive after a document needs a '...' line before it");
                }
                directives();
            }
            boolean explicit = c.atMarker() && c.cur() == '-';
            if (directives && !explicit) {
                throw c.error("directives must be followed by a '---' line");
            }
            directivesAllowed = document(explicit);
        }
    }

    /** One document; whether it ended with '...' (so that directives may follow). */
    private boolean document(boolean explicit) {
        out.documentStart(explicit, c.line, c.column());
        if (explicit) {
            c.pos += 3;
        } else {
            c.pos = c.lineStart;
        }
        block.node(-1, false, false);
        c.skipToContent();
        if (c.atMarker() && c.cur() == '.') {
            c.pos += 3;
            c.endLine();
            out.documentEnd(true);
            return true;
        }
        if (c.cur() != Cursor.EOF && !c.atMarker()) {
            throw c.error("unexpected content after the document's value (is this line indented right?)");
        }
        out.documentEnd(false);
        return c.cur() == Cursor.EOF;
    }

    /** The directive lines at pos; leaves pos at the line after them. */
    private void directives() {
        boolean yaml = false;
        while (c.pos == c.lineStart && c.cur() == '%') {
            int start = c.pos;
            String name = word();
            if (name.equals("YAML")) {
                if (yaml) {
                    throw c.errorAt(start, "a second %YAML directive");
                }
                yaml = true;
                String version = param("a YAML version");
                if (!version.matches("[0-9]+\\.[0-9]+")) {
                    throw c.errorAt(start, "expected a version like 1.2 after %YAML, found "
                            + ParseMessages.quote(version));
                }
            } else if (name.equals("TAG")) {
                String handle = param("a tag handle");
                String prefix = param("a tag prefix");
                props.define(handle, prefix, start);
            } else {
                while (!c.restIsBlank()) {
                    c.pos++;
                }
            }
            c.endLine();
            c.skipToContent();
        }
    }

    private String word() {
        int start = ++c.pos;
        while (!Cursor.blankOrEnd(c.cur())) {
            c.pos++;
        }
        return new String(c.s, start, c.pos - start);
    }

    private String param(String what) {
        if (!c.skipSpace() || c.restIsBlank()) {
            throw c.error("the directive needs " + what);
        }
        int start = c.pos;
        while (!Cursor.blankOrEnd(c.cur())) {
            c.pos++;
        }
        return new String(c.s, start, c.pos - start);
    }
}
