package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands that write reports share (validate, validate --schema on its picocli-free path, assess): the
 * report format of {@code --format}, the {@code --report FORMAT=FILE} destinations, colour only on a terminal, and
 * the main output written to standard output or atomically to {@code --output}. Plain Java: no picocli type.
 */
final class ReportOutput {

    private ReportOutput() {
    }

    /** A report format named on the command line; bad input naming the option and the formats otherwise. */
    static ReportFormat format(String text, String option) {
        try {
            return ReportFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput(option + ": " + e.getMessage(),
                    "write text, json, markdown, junit, sarif, gitlab or github");
        }
    }

    /** The destinations of {@code --report FORMAT=FILE} options, in the order given. */
    static Map<ReportFormat, Path> destinations(List<String> reports) {
        Map<ReportFormat, Path> out = new LinkedHashMap<>();
        for (String r : reports) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw ConfigCicdException.badInput("--report " + r + " is not FORMAT=FILE",
                        "write for example --report junit=target/config-cicd.xml --report sarif=target/config-cicd.sarif");
            }
            out.put(format(r.substring(0, eq), "--report"), Path.of(r.substring(eq + 1)));
        }
        return out;
    }

    /** Writes the main output to {@code --output} (atomically) or to {@code out}, the command's standard output. */
    static void write(String text, Optional<Path> output, PrintStream out) {
        if (output.isPresent()) {
            ReportFiles.writeText(text, output.get().toAbsolutePath());
        } else {
            out.print(text);
            out.flush();
        }
    }

    /** Colour only when the output is a terminal (no {@code --output}) and NO_COLOR is not set. */
    static boolean colour(Optional<Path> output) {
        return output.isEmpty() && System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
