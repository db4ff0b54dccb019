package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The runner's files: step outputs appended to {@code $GITHUB_OUTPUT} and the job summary appended to
 * {@code $GITHUB_STEP_SUMMARY} (both files are shared by the steps of a job, so they are never overwritten). Every
 * value passes through the masker first. Each output is written as {@code name<<DELIMITER}, the value, then the
 * delimiter on a line of its own, with a random delimiter that does not occur in the value, so a value of several
 * lines (or one a change could craft) cannot end early or set another output.
 */
final class WorkflowFiles {

    private final Optional<Path> outputFile;
    private final Optional<Path> summaryFile;
    private final UnaryOperator<String> masker;
    private final Supplier<String> random;

    WorkflowFiles(Optional<Path> outputFile, Optional<Path> summaryFile, UnaryOperator<String> masker) {
        this(outputFile, summaryFile, masker, () -> UUID.randomUUID().toString());
    }

    WorkflowFiles(Optional<Path> outputFile, Optional<Path> summaryFile, UnaryOperator<String> masker,
                  Supplier<String> random) {
        this.outputFile = outputFile;
        this.summaryFile = summaryFile;
        this.masker = masker;
        this.random = random;
    }

    /** Appends the outputs, in order; false when the runner gave no output file. */
    boolean setOutputs(Map<String, String> outputs) {
        if (outputFile.isEmpty() || outputs.isEmpty()) {
            return outputFile.isPresent();
        }
        StringBuilder sb = new StringBuilder();
        outputs.forEach((name, value) -> sb.append(entry(name, masker.apply(value), random)));
        append(outputFile.get(), sb.toString(), "GITHUB_OUTPUT");
        return true;
    }

    /** Appends Markdown to the job summary; false when the runner gave no summary file. */
    boolean appendSummary(String markdown) {
        if (summaryFile.isEmpty()) {
            return false;
        }
        String text = masker.apply(markdown);
        append(summaryFile.get(), text.endsWith("\n") ? text : text + "\n", "GITHUB_STEP_SUMMARY");
        return true;
    }

    /** One output in the multi-line form: {@code name<<DELIM\nvalue\nDELIM\n}. */
    static String entry(String name, String value, Supplier<String> random) {
        String delimiter = delimiter(name + "\n" + value, random);
        return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
    }

    /** {@code ghadelimiter_} and a random text, drawn again until it does not occur in {@code text}. */
    static String delimiter(String text, Supplier<String> random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String d = "ghadelimiter_" + random.get();
            if (!text.contains(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no delimiter found that does not occur in an output value");
    }

    private static void append(Path file, String text, String variable) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot append to " + variable + " " + file + ": " + e.getMessage(),
                    "the runner creates this file; check that the step runs on a GitHub runner", e);
        }
    }
}
