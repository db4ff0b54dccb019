package io.configcicd.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One in-process run of the CLI: exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

    static final Path EXAMPLES = Path.of("..", "examples", "configuration");

    /** Runs {@code config-cicd --config-dir DIR ARGS...}. */
    static CliRun in(Path configDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--config-dir", configDir.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** Runs {@code config-cicd --config-dir DIR ARGS...} as the principal {@code user} ({@code CONFIG_CICD_USER}). */
    static CliRun as(String user, Path configDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--config-dir", configDir.toString()));
        all.addAll(List.of(args));
        return run(java.util.Map.of("CONFIG_CICD_USER", user), all.toArray(String[]::new));
    }

    static CliRun run(String... args) {
        return run(System.getenv(), args);
    }

    static CliRun run(java.util.Map<String, String> env, String... args) {
        return capture((o, e) -> ConfigCicdCli.run(o, e, env, args));
    }

    /** The exit code of a run and what it wrote to standard output and error. */
    private static CliRun capture(java.util.function.BiFunction<PrintStream, PrintStream, Integer> run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = run.apply(o, e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code validate --schema ...} as the jar's entry point does when {@link SchemaFastPath} takes the command
     * line (without picocli), in the process environment {@code env}.
     *
     * @throws IllegalStateException when the fast path does not take the command line
     */
    static CliRun fast(java.util.Map<String, String> env, String... args) {
        SchemaValidation validation = SchemaFastPath.parse(args)
                .orElseThrow(() -> new IllegalStateException("the fast path does not take " + List.of(args)));
        return capture((o, e) -> SchemaFastPath.run(validation, env, o, e));
    }

    /** A copy of examples/configuration under {@code dir}. */
    static Path copyOfExamples(Path dir) {
        Path target = dir.resolve("configuration");
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(EXAMPLES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
