package io.configcicd.core.load.yaml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.FormatCodec;
import io.configcicd.core.load.JacksonTreeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.Utf8;
import io.configcicd.core.load.yaml.parser.YamlParser;
import io.configcicd.core.load.yaml.parser.YamlSyntaxException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;

/**
 * YAML 1.2 with the core schema, read by this package's own parser ({@link YamlParser}) into the tree by
 * {@link YamlComposer}. A file holds one document; anchors and aliases are resolved (bounded by
 * {@link LoadLimits#maxAliases()}); the YAML 1.1 merge key {@code <<} merges, as CI YAML readers do
 * ({@link MergeKey}); only the core tags are accepted; mapping keys are scalars. A file without a
 * document (empty, or only comments) is an empty mapping. {@link YamlWriter} writes documents.
 */
public final class YamlCodec implements FormatCodec {

    static final String SYNTAX_HINT =
            "fix the YAML syntax at this position (indentation, quotes, brackets, ': ' after keys)";

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
        if (text.length() > limits.maxDocumentBytes()) {
            throw JacksonTreeReader.sizeError(file, text.length(), limits);
        }
        YamlComposer composer = new YamlComposer(file, limits, text.length());
        try {
            YamlParser.parse(text, composer);
        } catch (YamlSyntaxException e) {
            throw new ConfigParseException(Origin.of(file, e.line(), e.column()), e.getMessage(), SYNTAX_HINT, e);
        } catch (StackOverflowError e) {
            throw JacksonTreeReader.depthError(Origin.file(file), limits);
        }
        ConfigNode root = composer.root();
        return root == null ? ConfigMap.empty(Origin.file(file)) : root;
    }

    @Override
    public String render(ConfigNode root) {
        return YamlWriter.document(root);
    }

    /** Whether a plain scalar with this text is read as something other than a string under the core schema. */
    static boolean resolvesToNonString(String text) {
        return YamlResolver.resolvesToNonString(text);
    }
}
