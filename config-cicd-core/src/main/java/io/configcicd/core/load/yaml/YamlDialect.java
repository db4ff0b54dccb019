package io.configcicd.core.load.yaml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.JacksonTreeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The YAML-specific part of reading: anchors and aliases (with the alias budget), tags and documents.
 * One instance reads one document.
 */
final class YamlDialect implements JacksonTreeReader.Dialect {

    private static final Anchored IN_PROGRESS = new Anchored(null, 0);

    private final String file;
    private final LoadLimits limits;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private long aliasReferences;

    /** An anchored value and the alias references it holds once expanded. */
    private record Anchored(ConfigNode node, long references) {
    }

    private record Mark(String anchor, long referencesBefore) {
    }

    YamlDialect(String file, LoadLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    @Override
    public Object enter(JsonParser parser, JsonToken token, Origin origin) {
        if (!(event(parser) instanceof NodeEvent node) || node instanceof AliasEvent) {
            return null;
        }
        String anchor = node.getAnchor().map(Anchor::getValue).orElse(null);
        String tag = node instanceof CollectionStartEvent c ? c.getTag().orElse(null) : null;
        if (token == JsonToken.START_OBJECT) {
            checkCollectionTag(tag, "map", "a mapping", origin);
        } else if (token == JsonToken.START_ARRAY) {
            checkCollectionTag(tag, "seq", "a list", origin);
        }
        if (anchor == null) {
            return null;
        }
        anchors.put(anchor, IN_PROGRESS);
        return new Mark(anchor, aliasReferences);
    }

    @Override
    public void leave(Object mark, ConfigNode node) {
        if (mark instanceof Mark m) {
            anchors.put(m.anchor(), new Anchored(node, aliasReferences - m.referencesBefore()));
        }
    }

    @Override
    public ConfigNode scalar(JsonParser parser, JsonToken token, Origin origin) {
        Event event = event(parser);
        if (event instanceof AliasEvent a) {
            return alias(a.getAnchor().map(Anchor::getValue).orElse(""), origin);
        }
        if (!(event instanceof ScalarEvent s)) {
            return null;
        }
        String text = s.getValue();
        Optional<String> tag = s.getTag();
        if (tag.isPresent()) {
            return tagged(tag.get(), text, origin);
        }
        return s.isPlain() ? plain(text, origin) : string(text, origin);
    }

    /** A plain scalar resolved by the YAML 1.2 core schema. */
    private ConfigNode plain(String text, Origin origin) {
        if (!text.isEmpty() && !mayResolve(text.charAt(0))) {
            return string(text, origin); // most plain scalars are words: no pattern needs to look at them
        }
        if (YamlCodec.NULL.matcher(text).matches()) {
            return ConfigScalar.nullValue(origin);
        }
        if (YamlCodec.BOOL.matcher(text).matches()) {
            return ConfigScalar.bool(text.charAt(0) == 't' || text.charAt(0) == 'T', origin);
        }
        if (YamlCodec.INT.matcher(text).matches()) {
            return integer(text, origin, YamlCodec.CORE_TAG + "int");
        }
        if (YamlCodec.FLOAT.matcher(text).matches()) {
            return floating(text, origin, YamlCodec.CORE_TAG + "float");
        }
        return string(text, origin);
    }

    /** Whether a plain scalar starting with this character can be a null, boolean or number of the core schema. */
    private static boolean mayResolve(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '~'
                || c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'f' || c == 'F';
    }

    @Override
    public void key(JsonParser parser, String key, Origin origin, boolean first) {
        if (event(parser) instanceof ScalarEvent s) {
            s.getTag().ifPresent(tag -> tagged(tag, key, origin));
            s.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new Anchored(ConfigScalar.string(key, origin), 0)));
        }
    }

    private static Event event(JsonParser parser) {
        return ((YamlCodec.EventParser) parser).event();
    }

    @Override
    public ConfigNode emptyDocument(String file) {
        return ConfigMap.empty(Origin.file(file));
    }

    @Override
    public ConfigParseException trailingContent(Origin where) {
        return new ConfigParseException(where,
                "a second YAML document starts here: a configuration file holds one YAML document",
                "split the documents into separate files");
    }

    @Override
    public String syntaxHint() {
        return "fix the YAML syntax at this position (indentation, quotes, brackets, ': ' after keys)";
    }

    @Override
    public ConfigParseException translate(JacksonException e, String file) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYamlEngineException m) {
            Origin where = m.getProblemMark().or(m::getContextMark)
                    .map(k -> Origin.of(file, k.getLine() + 1, k.getColumn() + 1))
                    .orElse(JacksonTreeReader.origin(file, e.getLocation()));
            String problem = m.getContext() == null ? m.getProblem() : m.getContext() + ": " + m.getProblem();
            return new ConfigParseException(where, JacksonTreeReader.shortMessage(problem), syntaxHint(), e);
        }
        Origin where = JacksonTreeReader.origin(file, e.getLocation());
        if (cause instanceof YamlEngineException y && String.valueOf(y.getMessage()).contains("code points")) {
            return JacksonTreeReader.sizeError(file, limits.maxDocumentBytes() + 1L, limits);
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Expected a property name")) {
            return new ConfigParseException(where,
                    "a mapping key must be a plain value (string, number, boolean) or an alias of one, "
                            + "not a list or mapping",
                    "write the key as a string", e);
        }
        return null;
    }

    private ConfigNode alias(String name, Origin origin) {
        Anchored target = anchors.get(name);
        if (target == null) {
            throw new ConfigParseException(origin, "alias '*" + name + "' refers to no anchor written before it",
                    "define '&" + name + "' on a value above this line, or remove the alias");
        }
        if (target == IN_PROGRESS) {
            throw new ConfigParseException(origin, "alias '*" + name + "' is used inside the value it names",
                    "a configuration cannot refer to itself; copy the values instead");
        }
        aliasReferences += 1 + target.references();
        if (aliasReferences > limits.maxAliases()) {
            throw new ConfigParseException(origin, "more than " + limits.maxAliases()
                    + " alias references, counting the aliases inside aliased values",
                    "use fewer aliases or raise limits.maxAliases (the limit stops 'billion laughs' documents)");
        }
        return target.node();
    }

    private void checkCollectionTag(String tag, String expected, String what, Origin origin) {
        if (tag == null || tag.equals("!") || tag.equals(YamlCodec.CORE_TAG + expected)) {
            return;
        }
        if (tag.startsWith(YamlCodec.CORE_TAG) && isCoreName(tag.substring(YamlCodec.CORE_TAG.length()))) {
            throw new ConfigParseException(origin, "tag '" + YamlCodec.displayTag(tag) + "' on " + what,
                    "remove the tag or write a value of that type");
        }
        throw unsupportedTag(tag, origin);
    }

    private ConfigNode tagged(String tag, String text, Origin origin) {
        if (tag.equals("!")) {
            return string(text, origin);
        }
        if (!tag.startsWith(YamlCodec.CORE_TAG)) {
            throw unsupportedTag(tag, origin);
        }
        String name = tag.substring(YamlCodec.CORE_TAG.length());
        return switch (name) {
            case "str" -> string(text, origin);
            case "int" -> integer(text, origin, tag);
            case "float" -> floating(text, origin, tag);
            case "bool" -> expect(YamlCodec.BOOL, text, origin, tag, ConfigScalar.bool(text.startsWith("t")
                    || text.startsWith("T"), origin));
            case "null" -> expect(YamlCodec.NULL, text, origin, tag, ConfigScalar.nullValue(origin));
            case "map", "seq" -> throw new ConfigParseException(origin, "tag '" + YamlCodec.displayTag(tag)
                    + "' on a plain value", "remove the tag");
            default -> throw unsupportedTag(tag, origin);
        };
    }

    private ConfigNode string(String text, Origin origin) {
        if (text.length() > limits.maxStringLength()) {
            throw JacksonTreeReader.stringError(origin, limits);
        }
        return ConfigScalar.string(text, origin);
    }

    private ConfigNode integer(String text, Origin origin, String tag) {
        checkNumber(text, origin);
        expect(YamlCodec.INT, text, origin, tag, null);
        String t = text.startsWith("+") ? text.substring(1) : text;
        BigInteger value;
        if (t.startsWith("0x")) {
            value = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            value = new BigInteger(t.substring(2), 8);
        } else {
            value = new BigInteger(t);
        }
        return ConfigScalar.integer(value, origin);
    }

    private ConfigNode floating(String text, Origin origin, String tag) {
        checkNumber(text, origin);
        expect(YamlCodec.FLOAT, text, origin, tag, null);
        String t = text.toLowerCase(Locale.ROOT);
        double value = t.endsWith(".nan") ? Double.NaN
                : t.endsWith(".inf") ? (t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(text);
        return ConfigScalar.floating(value, origin);
    }

    private void checkNumber(String text, Origin origin) {
        if (text.length() > limits.maxNumberLength()) {
            throw JacksonTreeReader.numberError(origin, limits);
        }
    }

    private static ConfigNode expect(Pattern p, String text, Origin origin, String tag, ConfigNode result) {
        if (!p.matcher(text).matches()) {
            throw new ConfigParseException(origin, "'" + text + "' is not a valid " + YamlCodec.displayTag(tag) + " value",
                    "write a value of that type or remove the tag");
        }
        return result;
    }

    private static boolean isCoreName(String name) {
        return switch (name) {
            case "str", "int", "float", "bool", "null", "map", "seq" -> true;
            default -> false;
        };
    }

    private static ConfigParseException unsupportedTag(String tag, Origin origin) {
        return new ConfigParseException(origin, "tag '" + YamlCodec.displayTag(tag) + "' is not supported",
                "remove the tag: configuration files hold plain values; only !!str, !!int, !!float, !!bool, "
                        + "!!null, !!map and !!seq are allowed");
    }
}
