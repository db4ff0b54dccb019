package io.configcicd.cli;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.report.RepositoryPaths;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ValueText;
import java.io.PrintStream;
import java.nio.file.Path;
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
            buffer.append(JSON.writeValueAsString(ValueText.jsonSafe(structure))).append('\n');
        } else {
            buffer.append(YAML.writeValueAsString(structure));
        }
    }

    /** Writes what was collected to {@code file} (atomically) when given, else to {@code out}. */
    void writeTo(PrintStream out, Optional<Path> file) {
        if (file.isPresent()) {
            ReportFiles.writeText(buffer.toString(), file.get().toAbsolutePath());
        } else {
            out.print(buffer);
            out.flush();
        }
    }

    /** A scalar as a user reads it; infinity and not-a-number in their YAML spelling, as --value reads them back. */
    static String text(ConfigScalar s) {
        return ValueText.text(s);
    }

    // ----------------------------------------------------------------- conversions shared by the commands

    /** The plain form of a tree for serializing; dates and times keep the text they were written with. */
    static Object plain(ConfigNode node) {
        return ValueText.plain(node);
    }

    /**
     * A value on one line, the way {@code --value} reads it back: {@code 5}, {@code true}, {@code gpt-4},
     * {@code "5"} (a string that would otherwise read as another type), {@code ["a","b"]}.
     */
    static String inline(ConfigNode node) {
        return ValueText.inline(node);
    }

    /** An origin as a structure: {@code {file, line, column}}, the file relative to the repository root. */
    static Map<String, Object> origin(Origin origin, RepositoryPaths paths) {
        return ValueText.origin(origin, paths);
    }

    /** An origin that already names its file relative to the repository root (as outcomes do), as a structure. */
    static Map<String, Object> origin(Origin origin) {
        return origin(origin, RepositoryPaths.AS_GIVEN);
    }
}
