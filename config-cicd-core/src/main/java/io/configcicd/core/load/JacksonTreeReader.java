package io.configcicd.core.load;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Builds a {@link ConfigNode} tree from a Jackson streaming parser. Every node, and every mapping key, gets the
 * file, line and column of its token. Duplicate keys, nesting deeper than {@link LoadLimits#maxDepth()}, over-long
 * strings and number literals, and anything after the root value are rejected. Every Jackson exception becomes a
 * {@link ConfigParseException} with file:line:column, what was expected in the product's words
 * ({@link JacksonMessages}, never Jackson's text, which quotes the token it could not read) and a hint.
 *
 * <p>A {@link Dialect} adds what a format needs beyond JSON (YAML anchors, aliases and tags).
 */
public final class JacksonTreeReader {

    /** Format-specific treatment of the tokens; the default methods are plain JSON. */
    public interface Dialect {

        /** Called at every value token before it is read; the result is handed back to {@link #leave}. */
        default Object enter(JsonParser parser, JsonToken token, Origin origin) {
            return null;
        }

        /** Called once the value that {@link #enter} saw is built. */
        default void leave(Object mark, ConfigNode node) {
        }

        /** A node for the current scalar token when the format decides it (an alias, a tag), or null. */
        default ConfigNode scalar(JsonParser parser, JsonToken token, Origin origin) {
            return null;
        }

        /** Called at every mapping key; {@code first} tells the first key of its mapping. */
        default void key(JsonParser parser, String key, Origin origin, boolean first) {
        }

        /** The value of a document without any value. */
        default ConfigNode emptyDocument(String file) {
            throw new ConfigParseException(Origin.of(file, 1, 1), "the file holds no value",
                    "write {} for an empty configuration");
        }

        /** The error for a token that follows the root value. */
        default ConfigParseException trailingContent(Origin where) {
            return new ConfigParseException(where, "unexpected content after the end of the document",
                    "a file holds exactly one value; remove what follows it");
        }

        /** The hint for a syntax error. */
        default String syntaxHint() {
            return "fix the syntax at this position";
        }
    }

    /** The dialect of plain JSON. */
    public static final Dialect JSON = new Dialect() {
        @Override
        public String syntaxHint() {
            return "fix the JSON syntax at this position (JSON allows no comments, trailing commas or single quotes)";
        }
    };

    private final JsonParser parser;
    private final String file;
    private final LoadLimits limits;
    private final Dialect dialect;

    private JacksonTreeReader(JsonParser parser, String file, LoadLimits limits, Dialect dialect) {
        this.parser = parser;
        this.file = file;
        this.limits = limits;
        this.dialect = dialect;
    }

    /**
     * Reads the one value of a document. The parser is not closed.
     *
     * @throws ConfigParseException for anything the reader or the parser does not accept
     */
    public static ConfigNode read(JsonParser parser, String file, LoadLimits limits, Dialect dialect) {
        JacksonTreeReader reader = new JacksonTreeReader(parser, file, limits, dialect);
        try {
            return reader.document();
        } catch (JacksonException e) {
            throw reader.translate(e);
        } catch (StackOverflowError e) {
            throw depthError(Origin.file(file), limits);
        }
    }

    private ConfigNode document() {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return dialect.emptyDocument(file);
        }
        ConfigNode root = value(first, 0);
        if (parser.nextToken() != null) {
            throw dialect.trailingContent(here());
        }
        return root;
    }

    private ConfigNode value(JsonToken token, int depth) {
        if (token == null) {
            throw new ConfigParseException(here(), "the document ends before the value is complete",
                    dialect.syntaxHint());
        }
        Origin origin = here();
        Object mark = dialect.enter(parser, token, origin);
        ConfigNode node = switch (token) {
            case START_OBJECT -> map(origin, depth + 1);
            case START_ARRAY -> list(origin, depth + 1);
            default -> scalar(token, origin);
        };
        dialect.leave(mark, node);
        return node;
    }

    private ConfigMap map(Origin origin, int depth) {
        checkDepth(depth, origin);
        ConfigMap.Builder builder = ConfigMap.builder(origin);
        Map<String, Origin> seen = new HashMap<>();
        boolean first = true;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            Origin keyOrigin = here();
            checkString(key, keyOrigin);
            dialect.key(parser, key, keyOrigin, first);
            Origin previous = seen.putIfAbsent(key, keyOrigin);
            if (previous != null) {
                throw new ConfigParseException(keyOrigin, "duplicate key '" + key + "' (first written at line "
                        + previous.line() + ")", "remove one of the two entries or rename one key");
            }
            builder.put(key, value(parser.nextToken(), depth), keyOrigin);
            first = false;
        }
        expectEnd(token, JsonToken.END_OBJECT);
        return builder.build();
    }

    private ConfigList list(Origin origin, int depth) {
        checkDepth(depth, origin);
        List<ConfigNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(token, depth));
        }
        return ConfigList.of(items, origin);
    }

    private void expectEnd(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new ConfigParseException(here(), "the document ends before the value is complete",
                    dialect.syntaxHint());
        }
    }

    private ConfigNode scalar(JsonToken token, Origin origin) {
        ConfigNode special = dialect.scalar(parser, token, origin);
        if (special != null) {
            return special;
        }
        return switch (token) {
            case VALUE_STRING -> ConfigScalar.string(checkString(parser.getString(), origin), origin);
            case VALUE_NUMBER_INT -> integer(origin);
            case VALUE_NUMBER_FLOAT -> floating(origin);
            case VALUE_TRUE -> ConfigScalar.bool(true, origin);
            case VALUE_FALSE -> ConfigScalar.bool(false, origin);
            case VALUE_NULL -> ConfigScalar.nullValue(origin);
            default -> throw new ConfigParseException(origin, "a value of a kind configuration files cannot hold",
                    "write the value as a string, number, boolean, null, list or mapping");
        };
    }

    private ConfigScalar floating(Origin origin) {
        String literal = parser.getString();
        checkNumber(literal, origin);
        return ConfigScalar.floating(FloatLiterals.checked(literal, parser.getDoubleValue(), origin), origin);
    }

    private ConfigScalar integer(Origin origin) {
        checkNumber(parser.getString(), origin);
        return switch (parser.getNumberType()) {
            case INT, LONG -> ConfigScalar.integer(parser.getLongValue(), origin);
            default -> ConfigScalar.integer(parser.getBigIntegerValue(), origin);
        };
    }

    private void checkDepth(int depth, Origin origin) {
        if (depth > limits.maxDepth()) {
            throw depthError(origin, limits);
        }
    }

    private String checkString(String s, Origin origin) {
        if (s.length() > limits.maxStringLength()) {
            throw stringError(origin, limits);
        }
        return s;
    }

    private void checkNumber(String text, Origin origin) {
        if (text.length() > limits.maxNumberLength()) {
            throw numberError(origin, limits);
        }
    }

    private Origin here() {
        return origin(file, parser.currentTokenLocation());
    }

    /** The origin of a Jackson location (1-based line and column), or the file alone when it is unknown. */
    public static Origin origin(String file, TokenStreamLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return Origin.file(file);
        }
        return Origin.of(file, location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    /** The error for nesting deeper than the limit. */
    public static ConfigParseException depthError(Origin where, LoadLimits limits) {
        return new ConfigParseException(where, "mappings and lists nested deeper than " + limits.maxDepth()
                + " levels", "flatten the structure or " + LoadLimits.raise(LoadLimits.MAX_DEPTH));
    }

    /** The error for a string or key longer than the limit. */
    public static ConfigParseException stringError(Origin where, LoadLimits limits) {
        return new ConfigParseException(where, "a string longer than " + limits.maxStringLength() + " characters",
                "shorten the value or " + LoadLimits.raise(LoadLimits.MAX_STRING_LENGTH));
    }

    /** The error for a number literal longer than the limit. */
    public static ConfigParseException numberError(Origin where, LoadLimits limits) {
        return new ConfigParseException(where, "a number literal longer than " + limits.maxNumberLength()
                + " characters", "write it as a string or " + LoadLimits.raise(LoadLimits.MAX_NUMBER_LENGTH));
    }

    /** The error for a file larger than the limit. */
    public static ConfigParseException sizeError(String file, long size, LoadLimits limits) {
        return new ConfigParseException(Origin.file(file), "file of " + size + " bytes is larger than the limit of "
                + limits.maxDocumentBytes() + " bytes",
                "split the file or " + LoadLimits.raise(LoadLimits.MAX_DOCUMENT_BYTES));
    }

    /**
     * A Jackson exception in the product's words ({@link JacksonMessages}). The Jackson exception is not kept as
     * the cause: its message quotes the token it could not read, which may be a secret's value.
     */
    private ConfigParseException translate(JacksonException e) {
        Origin where = origin(file, e.getLocation());
        if (where.line() <= 0) {
            where = here(); // constraint errors carry no location: the token being read is the best one
        }
        if (e instanceof StreamConstraintsException) {
            return constraint(e, where);
        }
        return new ConfigParseException(where, JacksonMessages.problem(e.getOriginalMessage()), dialect.syntaxHint());
    }

    private ConfigParseException constraint(JacksonException e, Origin where) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("nesting")) {
            return depthError(where, limits);
        } else if (m.contains("number")) {
            return numberError(where, limits);
        } else if (m.contains("string") || m.contains("name")) {
            return stringError(where, limits);
        } else if (m.contains("document")) {
            return sizeError(file, limits.maxDocumentBytes() + 1L, limits);
        }
        return new ConfigParseException(where, "the file crosses a loader limit", "simplify the file");
    }
}
