package io.configcicd.cli;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Scope;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import io.configcicd.core.report.RepositoryPaths;
import io.configcicd.core.security.OutputMasker;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code config-cicd} command (ARCHITECTURE 3): the common options, the subcommands, and the
 * mapping of failures to exit codes through {@link ErrorReporter}.
 */
@Command(name = "config-cicd", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = ConfigCicdCli.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Configuration-as-code for CI/CD: read, change and explain the configuration of each environment.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:findings", "2:bad input or usage", "3:an external system failed",
                "4:access denied"})
public final class ConfigCicdCli implements Runnable {

    /**
     * The subcommands, in the order help lists them. A run registers only the one it invokes (picocli reads the
     * annotations of every registered class by reflection, a large part of a cold start); a run that names none
     * (help, a usage error) registers all.
     */
    private static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, GetCommand.class, SetCommand.class,
            ListCommand.class, ExplainCommand.class, DiffCommand.class, HistoryCommand.class, AuditCommand.class,
            EncryptCommand.Encrypt.class, EncryptCommand.Decrypt.class, RekeyCommand.class, BackupCommand.class,
            RollbackCommand.class, AssessCommand.class,
            DeployCommand.class,
            DriftCommand.class,
            MonitorCommand.class,
            TestStoresCommand.class);

    /** The options of the top command that take a value: their values are not command names. */
    private static final Set<String> VALUED_OPTIONS = Set.of("--config-dir", "--format", "--output", "--policy-ref");

    @Mixin
    private CommonOptions options;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final AtomicReference<OutputMasker> masker;
    /** Where the directory in use sits in its repository: found when a file is first named (it asks git). */
    private final AtomicReference<java.util.function.Supplier<RepositoryPaths>> paths =
            new AtomicReference<>(() -> RepositoryPaths.AS_GIVEN);

    private ConfigCicdCli(PrintStream out, PrintStream err, Map<String, String> env, AtomicReference<OutputMasker> masker) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.masker = masker;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command line and returns its exit code; nothing is shared between calls. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /**
     * Runs one command line with {@code env} as the process environment that names the principal
     * ({@code CONFIG_CICD_USER}, {@code GITHUB_ACTOR}, ...) for access control and the audit log.
     */
    public static int run(PrintStream rawOut, PrintStream rawErr, Map<String, String> env, String... args) {
        AtomicReference<OutputMasker> masker = new AtomicReference<>(OutputMasker.none());
        PrintStream out = new PrintStream(new MaskedOutput(rawOut, text -> masker.get().mask(text)), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new MaskedOutput(rawErr, text -> masker.get().mask(text)), true, StandardCharsets.UTF_8);
        try {
            return run(out, err, env, masker, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int run(PrintStream out, PrintStream err, Map<String, String> env,
                           AtomicReference<OutputMasker> masker, String... args) {
        ConfigCicdCli top = new ConfigCicdCli(out, err, env, masker);
        CommandLine cmd = new CommandLine(top);
        invoked(args).ifPresentOrElse(cmd::addSubcommand, () -> COMMANDS.forEach(cmd::addSubcommand));
        ErrorReporter reporter = new ErrorReporter(err, () -> top.options != null && top.options.stacktrace(),
                top::paths);
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.registerConverter(Scope.class, converter(Scope::parse));
        cmd.registerConverter(ConfigPath.class, converter(ConfigPath::parse));
        cmd.setParameterExceptionHandler(reporter);
        cmd.setExecutionExceptionHandler(reporter);
        try {
            return cmd.execute(args);
        } catch (RuntimeException e) {
            return reporter.report(e);
        }
    }

    /** The class of the subcommand that the arguments name, if they name one. */
    private static Optional<Class<?>> invoked(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (VALUED_OPTIONS.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return COMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(a)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** A command given without a subcommand is a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    CommonOptions options() {
        return options;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The process environment, with {@code CONFIG_CICD_POLICY_REF} set to {@code --policy-ref} when it is given. */
    Map<String, String> env() {
        if (options == null || options.policyRef().isEmpty()) {
            return env;
        }
        Map<String, String> withRef = new java.util.HashMap<>(env);
        withRef.put(io.configcicd.core.api.PolicySource.VARIABLE, options.policyRef().get());
        return Map.copyOf(withRef);
    }

    /** The masker in use: the secrets of the directory the command opened (none before). */
    OutputMasker masker() {
        return masker.get();
    }

    /** For an explicit --reveal that access control allowed: the output shows secrets as they are. */
    void revealSecrets() {
        masker.set(OutputMasker.none());
    }

    /**
     * The command works on the configuration directory {@code configDir}: from now on files in errors and outputs
     * are named relative to the repository root, as reports name them.
     */
    void useDirectory(java.nio.file.Path configDir) {
        RepositoryPaths[] found = new RepositoryPaths[1];
        paths.set(() -> {
            synchronized (found) {
                if (found[0] == null) {
                    found[0] = RepositoryPaths.of(configDir);
                }
                return found[0];
            }
        });
    }

    /** How files are named in the output: relative to the repository root once a directory is in use. */
    RepositoryPaths paths() {
        return paths.get().get();
    }

    /** From now on, standard output and error pass through {@code secrets}. */
    void maskWith(OutputMasker secrets) {
        masker.set(secrets);
    }

    /** A converter whose IllegalArgumentException is a usage error with the message as written. */
    private static <T> ITypeConverter<T> converter(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    /** The version in the jar's manifest, or "dev" when running from classes. */
    static String toolVersion() {
        return Main.toolVersion();
    }

    /** The version from the jar's manifest ({@code Implementation-Version}). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"config-cicd " + (toolVersion().equals("dev") ? "(development build)" : toolVersion())};
        }
    }
}
