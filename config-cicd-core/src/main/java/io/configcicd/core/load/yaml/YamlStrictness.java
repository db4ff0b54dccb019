package io.configcicd.core.load.yaml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.model.Origin;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * YAML 1.2 rules that snakeyaml-engine does not enforce, checked on the event stream as it is read (one pass, no
 * second parse), and aliases of scalars used as mapping keys.
 *
 * <p>The text between two consecutive events holds no content, only white space, comments and indicators
 * ({@code - ? : , [ ]}), so the checks below look at that text and at the lines of the events:
 * <ul>
 * <li>a comment ({@code #}) is preceded by white space or starts its line ({@code "a"# c} and {@code [a]# c} are
 * not comments but errors);</li>
 * <li>a flow collection or a multi-line quoted or plain scalar inside a block collection has its continuation lines
 * indented further than that block collection (by spaces: a tab is not indentation). Blank lines and comment lines
 * are exempt, and so is a line that starts with the closing {@code ]} or {@code }} (a common way to write a flow
 * collection in a configuration file, which YAML parsers accept).</li>
 * </ul>
 *
 * <p>snakeyaml-engine rejects every tab between tokens; {@link #separationTabs} lets the codec read such a tab as a
 * space (same offset, so same line and column), and the checks here reject the places where YAML allows no tab:
 * in the indentation of block structure, before a nested block collection on the same line, and in or right after
 * a block scalar.
 *
 * <p>An alias in the place of a mapping key, whose anchor names a scalar, is handed on as that scalar: Jackson's
 * YAML parser takes only scalars as property names.
 */
final class YamlStrictness {

    /** A collection being read: flow or block, mapping or sequence, and for a mapping where its current key is. */
    private static final class Frame {
        final boolean flow;
        final boolean mapping;
        boolean atKey = true;
        int keyStart = -1;

        Frame(boolean flow, boolean mapping) {
            this.flow = flow;
            this.mapping = mapping;
        }
    }

    private static final String SYNTAX = "fix the YAML syntax at this position: ";

    private final String text;
    private final String file;
    /** Offsets of tabs between tokens that are read as spaces (see {@link #separationTabs}). */
    private final BitSet tabs;
    /** Where the last block scalar ({@code |}, {@code >}) starts, or -1 when the last event is something else. */
    private int blockScalar = -1;
    private final int[] lineStarts;
    private final boolean surrogates;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, ScalarEvent> scalarAnchors = new HashMap<>();
    private final Set<String> anchors = new HashSet<>();
    /** Text before this offset has been looked at. */
    private int scanned;
    /** Lines before this one have been looked at. */
    private int nextLine = 1;
    /** Nesting of flow collections. */
    private int flowDepth;
    /** The spaces each line of the outermost flow collection needs, or -1 when nothing is required. */
    private int flowIndent = -1;
    /** Where the outermost flow collection starts. */
    private int flowStart;
    /**
     * An under-indented line of the current flow collection, reported when the collection closes: when it never
     * closes, the parser's error (a missing bracket) tells more.
     */
    private ConfigParseException pending;

    YamlStrictness(String text, String file, BitSet tabs) {
        this.text = text;
        this.file = file;
        this.tabs = tabs;
        int lines = 1;
        boolean pairs = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lines++;
            } else if (Character.isSurrogate(c)) {
                pairs = true;
            }
        }
        this.surrogates = pairs;
        this.lineStarts = new int[lines];
        int line = 1;
        for (int i = 0; i < text.length() && line < lines; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** Checks the text up to and including this event; returns the event to hand on (an alias key as its scalar). */
    Event accept(Event event) {
        Optional<Mark> startMark = event.getStartMark();
        Optional<Mark> endMark = event.getEndMark();
        if (startMark.isEmpty() || endMark.isEmpty()) {
            return event;
        }
        int start = Math.max(offset(startMark.get()), scanned);
        int end = Math.max(offset(endMark.get()), start);
        gap(scanned, start);
        scanned = end;
        Frame parent = stack.peek();
        boolean key = event instanceof NodeEvent && parent != null && parent.mapping && parent.atKey;
        if (!tabs.isEmpty()) {
            checkTabs(event, start, parent, key);
        }
        if (key) {
            parent.keyStart = start;
        }
        Event out = event;
        if (event instanceof ScalarEvent s) {
            s.getAnchor().ifPresent(a -> {
                anchors.add(a.getValue());
                scalarAnchors.put(a.getValue(), s);
            });
            ScalarStyle style = s.getScalarStyle();
            if (!key && style != ScalarStyle.LITERAL && style != ScalarStyle.FOLDED) {
                lines(start, end, flowDepth > 0 ? flowIndent : required(parent, start), false);
            } else {
                skipLines(end);
            }
            completed();
        } else if (event instanceof AliasEvent a) {
            if (key) {
                out = aliasKey(a, start);
            }
            completed();
        } else if (event instanceof CollectionStartEvent c) {
            c.getAnchor().map(Anchor::getValue).ifPresent(a -> {
                anchors.add(a);
                scalarAnchors.remove(a);
            });
            boolean flow = c.isFlow();
            if (flow && flowDepth++ == 0) {
                flowIndent = key ? -1 : required(parent, start);
                flowStart = start;
            }
            skipLines(end);
            stack.push(new Frame(flow, c instanceof MappingStartEvent));
        } else if (event instanceof CollectionEndEvent) {
            Frame frame = stack.pop();
            if (frame.flow && --flowDepth == 0) {
                flowIndent = -1;
                if (pending != null) {
                    throw pending;
                }
            }
            skipLines(end);
            completed();
        } else {
            skipLines(end);
        }
        return out;
    }

    /**
     * A tab that separates tokens is read as a space (snakeyaml-engine takes only spaces), except where YAML does
     * not allow a tab: before a nested block list or mapping on the same line ({@code -\t- a}, {@code ?\tkey: a})
     * and on the lines that end a block scalar.
     */
    private void checkTabs(Event event, int start, Frame parent, boolean key) {
        int next = tabs.nextSetBit(Math.max(blockScalar, 0));
        if (blockScalar >= 0 && next >= 0 && next < start) {
            throw error(next, "a tab on a line without content inside or right after a block scalar ('|' or '>'): "
                    + "YAML allows only spaces there", SYNTAX + "replace the tab with spaces or remove it");
        }
        blockScalar = event instanceof ScalarEvent s
                && (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED)
                ? start : -1;
        int tab = -1;
        int i = start - 1;
        for (; i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); i--) {
            tab = tabs.get(i) ? i : tab;
        }
        if (tab < 0 || !(event instanceof NodeEvent)) {
            return;
        }
        if (event instanceof CollectionStartEvent c && !c.isFlow()) {
            throw error(tab, "a tab before a block " + (c instanceof MappingStartEvent ? "mapping" : "list")
                    + ": YAML allows only spaces to indent it", SYNTAX + "replace the tab with spaces");
        }
        boolean leading = i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r';
        if (!leading || (parent != null && parent.flow)) {
            return; // a tab between tokens on a line, or inside a flow collection
        }
        int spaces = tab - (i + 1);
        int needed = key ? Integer.MAX_VALUE : required(parent, start);
        if (parent != null && !parent.flow && spaces < needed) {
            throw error(tab, "a tab in the indentation of a line: YAML counts only spaces as indentation",
                    SYNTAX + "indent the line with spaces");
        }
    }

    /**
     * The text with the tabs read as spaces where snakeyaml-engine rejected a tab between two tokens (the tab and
     * the spaces and tabs after it, up to the next token), or null when the error is another one or the tab
     * indents content. The offsets of the tabs are added to {@code tabs}; no offset changes, so neither does any
     * line or column.
     */
    static String separationTabs(String text, RuntimeException error, BitSet tabs) {
        MarkedYamlEngineException m = null;
        for (Throwable t = error; t != null && m == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MarkedYamlEngineException y) {
                m = y;
            }
        }
        if (m == null || m.getProblemMark().isEmpty() || !"while scanning for the next token".equals(m.getContext())
                || !String.valueOf(m.getProblem()).contains("(TAB)")) {
            return null;
        }
        YamlStrictness where = new YamlStrictness(text, "", tabs);
        int at = where.offset(m.getProblemMark().get());
        if (at >= text.length() || text.charAt(at) != '\t') {
            return null;
        }
        int end = at;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        char[] chars = text.toCharArray();
        for (int i = at; i < end; i++) {
            if (chars[i] == '\t') {
                chars[i] = ' ';
                tabs.set(i);
            }
        }
        return new String(chars);
    }

    /** A node ends: in a mapping, a key is followed by its value and a value by the next key. */
    private void completed() {
        Frame parent = stack.peek();
        if (parent != null && parent.mapping) {
            parent.atKey = !parent.atKey;
        }
    }

    private Event aliasKey(AliasEvent alias, int start) {
        String name = alias.getAnchor().map(Anchor::getValue).orElse("");
        if (!anchors.contains(name)) {
            throw error(start, "alias '*" + name + "' refers to no anchor written before it",
                    "define '&" + name + "' on a value above this line, or remove the alias");
        }
        ScalarEvent target = scalarAnchors.get(name);
        if (target == null) {
            return alias; // the anchor of a list or mapping: the reader rejects it as a key
        }
        return new ScalarEvent(Optional.empty(), target.getTag(), target.getImplicit(), target.getValue(),
                target.getScalarStyle(), alias.getStartMark(), alias.getEndMark());
    }

    /**
     * The spaces the continuation lines of a flow node need, the node starting at this offset inside this
     * collection: one more than the indentation of the block collection, or -1 when nothing is required.
     */
    private int required(Frame parent, int start) {
        if (parent == null || parent.flow) {
            return -1;
        }
        if (parent.mapping) {
            int k = parent.keyStart;
            if (k < 0) {
                return -1;
            }
            int i = k - 1;
            while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i--;
            }
            if (i >= 0 && text.charAt(i) == '?') {
                k = i;
            }
            return column(k) + 1;
        }
        int i = start - 1;
        while (i >= 0 && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && text.charAt(i) == '-' ? column(i) + 1 : -1;
    }

    /** The text between two events: comments need white space before them; lines inside flow are indented. */
    private void gap(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '#') {
                if (i > 0 && " \t\r\n".indexOf(text.charAt(i - 1)) < 0) {
                    throw error(i, "a comment needs a space before '#' (here '#' follows '"
                            + text.charAt(i - 1) + "' directly)",
                            SYNTAX + "put a space before '#', or quote the value if '#' belongs to it");
                }
                while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            }
        }
        if (!tabs.isEmpty() && flowDepth == 0) {
            indicatorsAfterTabs(from, to);
        }
        lines(from, to, flowDepth > 0 ? flowIndent : -1, true);
    }

    /**
     * In block context, a tab read as a space may not indent an indicator ({@code -}, {@code ?}, {@code :}) at the
     * start of a line of the text between two events: only spaces indent block structure.
     */
    private void indicatorsAfterTabs(int from, int to) {
        int tab = tabs.nextSetBit(from);
        while (tab >= 0 && tab < to) {
            int ls = lineStarts[lineOf(tab)];
            int p = tab;
            while (p < to && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
            if (ls >= from && text.substring(ls, tab).isBlank() && p < to && "-?:".indexOf(text.charAt(p)) >= 0) {
                throw error(tab, "a tab in the indentation of a line: YAML counts only spaces as indentation",
                        SYNTAX + "indent the line with spaces");
            }
            tab = tabs.nextSetBit(tab + 1);
        }
    }

    /**
     * Checks the lines that begin after {@code from} and at or before {@code to}: each needs {@code spaces} spaces
     * of indentation unless it is blank (or, between events, a comment or a closing bracket).
     */
    private void lines(int from, int to, int spaces, boolean between) {
        while (nextLine < lineStarts.length && lineStarts[nextLine] <= to) {
            int ls = lineStarts[nextLine++];
            if (spaces <= 0 || ls <= from) {
                continue;
            }
            int i = ls;
            while (i < text.length() && text.charAt(i) == ' ' && !tabs.get(i)) {
                i++;
            }
            int j = i;
            while (j < text.length() && (text.charAt(j) == '\t' || text.charAt(j) == ' ')) {
                j++;
            }
            char c = j < text.length() ? text.charAt(j) : '\n';
            if (c == '\n' || c == '\r') {
                continue; // a blank line
            }
            if (between && (c == '#' || c == ']' || c == '}')) {
                continue;
            }
            if (i - ls < spaces) {
                boolean tab = i < text.length() && (text.charAt(i) == '\t' || tabs.get(i));
                String what = flowDepth > 0
                        ? "a line inside the flow collection opened at line " + (lineOf(flowStart) + 1)
                        : "a continuation line of a multi-line " + (between ? "value" : "string");
                ConfigParseException e = error(i, what + " is indented by " + (i - ls) + " space"
                        + (i - ls == 1 ? "" : "s") + " but needs at least " + spaces
                        + ", more than the key or '-' it belongs to" + (tab ? " (a tab is not indentation)" : ""),
                        SYNTAX + "indent the line with spaces, further than the key or '-' of the value");
                if (flowDepth == 0) {
                    throw e;
                }
                if (pending == null) {
                    pending = e;
                }
            }
        }
    }

    private void skipLines(int to) {
        while (nextLine < lineStarts.length && lineStarts[nextLine] <= to) {
            nextLine++;
        }
    }

    private int offset(Mark mark) {
        int line = mark.getLine();
        if (line < 0 || line >= lineStarts.length) {
            return text.length();
        }
        int ls = lineStarts[line];
        int column = mark.getColumn();
        if (!surrogates) {
            return Math.min(ls + column, text.length());
        }
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        return Math.min(text.offsetByCodePoints(ls, Math.min(column, text.codePointCount(ls, end))),
                text.length());
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private int column(int offset) {
        int ls = lineStarts[lineOf(offset)];
        return surrogates ? text.codePointCount(ls, offset) : offset - ls;
    }

    private ConfigParseException error(int offset, String problem, String hint) {
        return new ConfigParseException(Origin.of(file, lineOf(offset) + 1, column(offset) + 1), problem, hint);
    }
}
