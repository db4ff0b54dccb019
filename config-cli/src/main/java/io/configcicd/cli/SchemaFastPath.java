package io.configcicd.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code validate --schema SCHEMA FILE...} without picocli, for the short runs in which picocli's start-up (its
 * classes cannot come from the class-data archive) would cost more than the validation.
 *
 * <p>{@link #parse} accepts only command lines whose meaning is plain: the command {@code validate}; the options
 * {@code --schema}, {@code --fail-on}, {@code --report} (repeatable) after it and {@code --format}, {@code --output},
 * {@code --config-dir} before or after it, each with its value as the next argument or after {@code =}, each
 * single-valued option at most once; and files. Anything else (another command or option, {@code --help},
 * {@code --stacktrace}, {@code --}, an {@code @file}, an argument or value that starts with {@code -} or is empty,
 * a path the file system rejects) is left to picocli, so usage errors keep picocli's messages. What the fast path
 * runs is {@link SchemaValidation}, as {@link ValidateCommand} does, and its failures read as
 * {@link ErrorReporter}'s. No configuration directory is opened; its settings file, when there is one, is read as
 * picocli's path reads it ({@code --config-dir}, else {@code $CONFIG_CICD_DIR}, else {@code configuration}).
 */
final class SchemaFastPath {

    private static final String COMMAND = "validate";
    /** The options of every command, which may come before the command name. */
    private static final Set<String> COMMON = Set.of("--format", "--output", "--config-dir");
    /** The options of validate that the fast path takes, all with a value. */
    private static final Set<String> VALIDATE = Set.of("--schema", "--fail-on", "--report", "--ref", "--validate-formats");
    /** The options that may be given more than once. */
    private static final Set<String> REPEATABLE = Set.of("--report", "--ref");

    private SchemaFastPath() {
    }

    /** The validation a command line asks for, when the fast path can run it; empty to leave it to picocli. */
    static Optional<SchemaValidation> parse(String... args) {
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        List<String> files = new ArrayList<>();
        boolean command = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!plain(arg)) {
                if (!arg.startsWith("--") || arg.startsWith("---")) {
                    return Optional.empty();
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value = eq >= 0 ? arg.substring(eq + 1) : i + 1 < args.length ? args[++i] : "";
                boolean known = COMMON.contains(name) || command && VALIDATE.contains(name);
                if (!known || !plain(value) || value.equals(COMMAND)
                        || name.equals("--validate-formats") && !value.equals("true") && !value.equals("false")) {
                    return Optional.empty();
                }
                if (REPEATABLE.contains(name)) {
                    repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                } else if (values.putIfAbsent(name, value) != null) {
                    return Optional.empty();
                }
            } else if (command) {
                files.add(arg);
            } else if (arg.equals(COMMAND)) {
                command = true;
            } else {
                return Optional.empty();
            }
        }
        return command && values.containsKey("--schema") ? validation(values, repeated, files) : Optional.empty();
    }

    /** An argument that is neither an option, nor an {@code @file}, nor empty. */
    private static boolean plain(String arg) {
        return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@");
    }

    private static Optional<SchemaValidation> validation(Map<String, String> values, Map<String, List<String>> repeated,
                                                         List<String> files) {
        try {
            List<Path> paths = paths(files);
            List<Path> refs = paths(repeated.getOrDefault("--ref", List.of()));
            Optional<Path> output = Optional.ofNullable(values.get("--output")).map(Path::of);
            Path configDir = Path.of(values.getOrDefault("--config-dir", defaultConfigDir()));
            return Optional.of(new SchemaValidation(Path.of(values.get("--schema")), refs, paths,
                    values.getOrDefault("--format", "text"), output, Optional.ofNullable(values.get("--fail-on")),
                    repeated.getOrDefault("--report", List.of()), configDir,
                    Optional.ofNullable(values.get("--validate-formats")).map(Boolean::valueOf), false));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static List<Path> paths(List<String> names) {
        List<Path> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(Path.of(n));
        }
        return out;
    }

    /** {@code --config-dir}'s default, as picocli's {@code ${env:CONFIG_CICD_DIR:-configuration}} reads it. */
    private static String defaultConfigDir() {
        String env = System.getenv("CONFIG_CICD_DIR");
        return env == null || env.isEmpty() ? "configuration" : env;
    }

    /**
     * Runs a validation with standard output and error encoded as UTF-8, as {@link ConfigCicdCli} writes them, and
     * returns the exit code; a failure is reported as {@link ErrorReporter} reports it, without a stack trace.
     */
    static int run(SchemaValidation validation, PrintStream rawOut, PrintStream rawErr) {
        return run(validation, System.getenv(), rawOut, rawErr);
    }

    /** {@link #run(SchemaValidation, PrintStream, PrintStream)} in a process environment {@code env}. */
    static int run(SchemaValidation validation, Map<String, String> env, PrintStream rawOut, PrintStream rawErr) {
        PrintStream out = new PrintStream(rawOut, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(rawErr, true, StandardCharsets.UTF_8);
        try {
            return validation.run(out, env);
        } catch (RuntimeException e) {
            return Failures.report(e, err, false);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
