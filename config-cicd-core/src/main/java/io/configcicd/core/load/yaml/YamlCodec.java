package io.configcicd.core.load.yaml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.FormatCodec;
import io.configcicd.core.load.JacksonTreeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.Utf8;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import java.io.Reader;
import java.io.StringReader;
import java.util.BitSet;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * YAML 1.2 with the core schema, read by Jackson's YAML parser (snakeyaml-engine underneath). A file holds one
 * document; anchors and aliases are resolved (bounded by {@link LoadLimits#maxAliases()}); only the core tags are
 * accepted; mapping keys are scalars. An empty document is an empty mapping. {@link YamlDialect} holds the YAML
 * rules of reading, {@link YamlWriter} writes documents.
 */
public final class YamlCodec implements FormatCodec {

    static final String CORE_TAG = "tag:yaml.org,2002:";
    static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    /** How often a text is read again with the tabs between tokens read as spaces. */
    static final int TAB_RETRIES = 64;
    /** A small file may be read again more often: up to this many characters in all. */
    static final long TAB_RETRY_CHARS = 4_000_000;

    private volatile Cached cached;

    private record Cached(LoadLimits limits, YAMLFactory factory) {
    }

    @Override
    public Format format() {
        return Format.YAML;
    }

    @Override
    public ConfigNode parse(byte[] content, String file, LoadLimits limits) {
        if (content.length > limits.maxDocumentBytes()) {
            throw JacksonTreeReader.sizeError(file, content.length, limits);
        }
        return parseText(Utf8.decode(content, file), file, limits);
    }

    /** Parses text that is already decoded. */
    public ConfigNode parseText(String text, String file, LoadLimits limits) {
        ConfigNode root = read(text, file, limits);
        if (root.isNull() && isBlank(text)) {
            return ConfigMap.empty(Origin.file(file));
        }
        return root;
    }

    /**
     * Reads the document. snakeyaml-engine takes no tab between tokens, which YAML allows ({@code key:\tvalue},
     * {@code - a\t# comment}): where it rejects one, the tab is read as a space and the text read again (at most
     * {@link #TAB_RETRIES} times, more for a small file); {@link YamlStrictness} rejects the places where YAML
     * does not allow a tab.
     */
    private ConfigNode read(String text, String file, LoadLimits limits) {
        String source = text;
        BitSet tabs = new BitSet();
        long retries = Math.max(TAB_RETRIES, TAB_RETRY_CHARS / Math.max(1, text.length()));
        for (long retry = 0; ; retry++) {
            try (JsonParser parser = factory(limits).createParser(ObjectReadContext.empty(),
                    new StringReader(source))) {
                ((EventParser) parser).strictness = new YamlStrictness(source, file, tabs);
                return JacksonTreeReader.read(parser, file, limits, new YamlDialect(file, limits));
            } catch (ConfigParseException e) {
                String next = retry < retries ? YamlStrictness.separationTabs(source, e, tabs) : null;
                if (next == null) {
                    throw e;
                }
                source = next;
            }
        }
    }

    /** Only blank lines and comments: no value at all, not even an explicit empty document ({@code ---}). */
    private static boolean isBlank(String text) {
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
    }

    @Override
    public String render(ConfigNode root) {
        return YamlWriter.document(root);
    }

    private YAMLFactory factory(LoadLimits limits) {
        Cached c = cached;
        if (c == null || !c.limits().equals(limits)) {
            c = new Cached(limits, build(limits));
            cached = c;
        }
        return c.factory();
    }

    private static YAMLFactory build(LoadLimits limits) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(Math.max(1, limits.maxAliases()))
                .setCodePointLimit(limits.maxDocumentBytes())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .build();
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        return new EventFactory(YAMLFactory.builder()
                .loadSettings(settings)
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLReadFeature.PARSE_OCTAL_NUMBERS, YAMLReadFeature.EMPTY_STRING_AS_NULL,
                        YAMLReadFeature.EMPTY_DOCUMENT_AS_EMPTY_OBJECT));
    }

    /** A YAML factory whose parsers let the reader see the YAML event behind each token. */
    private static final class EventFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        EventFactory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(ObjectReadContext context, IOContext io, Reader reader) {
            return new EventParser(context, io, _getBufferRecycler(),
                    context.getStreamReadFeatures(_streamReadFeatures),
                    context.getFormatReadFeatures(_formatReadFeatures), _loadSettings, reader);
        }
    }

    /**
     * Jackson's YAML parser, which reports tokens, with access to the YAML event of the current token: its tag,
     * anchor and scalar style (quoted or plain), which the tokens alone do not tell reliably.
     */
    static final class EventParser extends YAMLParser {
        /** The checks of what snakeyaml-engine lets through, which see every event; none when null. */
        YamlStrictness strictness;

        EventParser(ObjectReadContext context, IOContext io, BufferRecycler recycler, int streamFeatures,
                    int formatFeatures, LoadSettings settings, Reader reader) {
            super(context, io, recycler, streamFeatures, formatFeatures, settings, reader, true);
        }

        @Override
        protected Event nextEvent() {
            Event event = super.nextEvent();
            return strictness == null || event == null ? event : strictness.accept(event);
        }

        /** The event of the current token. */
        Event event() {
            return _lastEvent;
        }
    }

    /** How a tag reads in a message: {@code !!int} for the YAML tags, the tag as written otherwise. */
    static String displayTag(String tag) {
        return tag.startsWith(CORE_TAG) ? "!!" + tag.substring(CORE_TAG.length()) : tag;
    }

    /** Whether a plain scalar with this text is read as something other than a string under the core schema. */
    static boolean resolvesToNonString(String text) {
        return NULL.matcher(text).matches() || BOOL.matcher(text).matches() || INT.matcher(text).matches()
                || FLOAT.matcher(text).matches();
    }
}
