package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.SecretsService;
import io.configcicd.core.api.ValueParser;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.git.RepositoryPaths;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.repo.AtomicFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * What a command prints, in the format of {@code --format}: the one renderer of the CLI. Output is
 * collected while the command runs and written at the end, to standard output or atomically to the
 * {@code --output} file, so a failing command leaves no half-written output behind.
 */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER)))
            .build();
    private static final JsonMapper JSON_INLINE = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private final OutputFormat format;
    private final StringBuilder buffer = new StringBuilder();

    Output(OutputFormat format) {
        this.format = format;
    }

    /** A value or subtree: in text a scalar as it reads and a subtree as YAML; in json and yaml, serialized. */
    void value(ConfigNode node) {
        if (format == OutputFormat.TEXT && node instanceof ConfigScalar s) {
            buffer.append(text(s)).append('\n');
        } else if (format == OutputFormat.TEXT) {
            buffer.append(YAML.writeValueAsString(plain(node)));
        } else {
            structured(plain(node));
        }
    }

    /** A result: {@code structure} (maps, lists, scalars) for json and yaml, the lines of {@code text} for text. */
    void result(Object structure, Supplier<String> text) {
        if (format == OutputFormat.TEXT) {
            String t = text.get();
            buffer.append(t);
            if (!t.isEmpty() && !t.endsWith("\n")) {
                buffer.append('\n');
            }
        } else {
            structured(structure);
        }
    }

    private void structured(Object structure) {
        if (format == OutputFormat.JSON) {
            buffer.append(JSON.writeValueAsString(jsonSafe(structure))).append('\n');
        } else {
            buffer.append(YAML.writeValueAsString(structure));
        }
    }

    /** Writes what was collected to {@code file} (atomically) when given, else to {@code out}. */
    void writeTo(PrintStream out, Optional<Path> file) {
        if (file.isPresent()) {
            AtomicFiles.write(file.get().toAbsolutePath(), buffer.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            out.print(buffer);
            out.flush();
        }
    }

    /**
     * The structure with every infinite or not-a-number float replaced by its YAML spelling as a string
     * ({@code ".inf"}, {@code "-.inf"}, {@code ".nan"}): JSON has no such numbers.
     */
    private static Object jsonSafe(Object structure) {
        if (structure instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, jsonSafe(v)));
            return out;
        }
        if (structure instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(jsonSafe(item)));
            return out;
        }
        if (structure instanceof Double d && !Double.isFinite(d)) {
            return nonFinite(d);
        }
        return structure;
    }

    private static String nonFinite(double d) {
        return Double.isNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
    }

    /** A scalar as a user reads it; infinity and not-a-number in their YAML spelling, as --value reads them back. */
    static String text(ConfigScalar s) {
        return s.value() instanceof Double d && !Double.isFinite(d) ? nonFinite(d) : s.asText();
    }

    // ----------------------------------------------------------------- conversions shared by the commands

    /** The plain form of a tree for serializing; dates and times keep the text they were written with. */
    static Object plain(ConfigNode node) {
        if (node instanceof ConfigMap map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (node instanceof ConfigList list) {
            List<Object> out = new ArrayList<>(list.size());
            list.items().forEach(item -> out.add(plain(item)));
            return out;
        }
        ConfigScalar s = (ConfigScalar) node;
        return switch (s.type()) {
            case OFFSET_DATETIME, LOCAL_DATETIME, LOCAL_DATE, LOCAL_TIME -> s.text();
            default -> s.value();
        };
    }

    /**
     * A value on one line, the way {@code --value} reads it back: {@code 5}, {@code true}, {@code gpt-4},
     * {@code "5"} (a string that would otherwise read as another type), {@code ["a","b"]}.
     */
    static String inline(ConfigNode node) {
        if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            String text = (String) s.value();
            return readsBackAsItself(text) ? text : JSON_INLINE.writeValueAsString(text);
        }
        if (node instanceof ConfigScalar s) {
            return text(s);
        }
        return JSON_INLINE.writeValueAsString(jsonSafe(plain(node)));
    }

    private static boolean readsBackAsItself(String text) {
        if (text.equals(SecretsService.MASK)) {
            return true;
        }
        if (text.isEmpty() || !text.strip().equals(text)) {
            return false;
        }
        try {
            return ValueParser.parse(text) instanceof ConfigScalar back && back.type() == ScalarType.STRING
                    && text.equals(back.value());
        } catch (ConfigCicdException e) {
            return false;
        }
    }

    /** An origin as a structure: {@code {file, line, column}}, the file relative to the repository root. */
    static Map<String, Object> origin(Origin origin, RepositoryPaths paths) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", origin.isKnown() ? paths.file(origin.file()) : null);
        out.put("line", origin.line());
        out.put("column", origin.column());
        return out;
    }
}
