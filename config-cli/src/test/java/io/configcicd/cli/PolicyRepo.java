package io.configcicd.cli;

import static io.configcicd.cli.TestGit.commit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A git repository holding a copy of examples/configuration under the access policy of issue 11, as an attacker
 * meets it: developer, operator and devrevealer roles; carol an operator, dave a developer, erin a devrevealer
 * ({@link #ACCESS_WITH_OWNER} adds olivia, who holds admin).
 */
final class PolicyRepo {

    static final String ACCESS = """

            access:
              roles:
                developer: {permissions: [read, write], environments: [development]}
                operator: {permissions: [read, write, deploy, rollback, reveal], environments: ["*"]}
                devrevealer: {permissions: [read, reveal, rollback], environments: [development]}
              bindings:
                carol: [operator]
                dave: [developer]
                erin: [devrevealer]
            """;

    /** The same policy with an owner role that holds admin, bound to olivia. */
    static final String ACCESS_WITH_OWNER = ACCESS.replace("  bindings:\n",
            "    owner: {permissions: [read, write, rollback, reveal, admin], environments: [\"*\"]}\n  bindings:\n")
            + "    olivia: [owner]\n";

    final Path repo;
    final Path config;

    private PolicyRepo(Path repo, Path config) {
        this.repo = repo;
        this.config = config;
    }

    /** The examples with the policy appended to config-cicd.yaml, committed as the first commit on main. */
    static PolicyRepo create(Path tmp) throws Exception {
        return create(tmp, ACCESS);
    }

    /** The examples with {@code access} appended to config-cicd.yaml, committed as the first commit on main. */
    static PolicyRepo create(Path tmp, String access) throws Exception {
        Path repo = tmp.resolve("repo");
        Path config = CliRun.copyOfExamples(repo);
        Files.writeString(repo.resolve(".gitignore"), ".config-cicd/\n");
        Path settings = config.resolve("config-cicd.yaml");
        Files.writeString(settings, Files.readString(settings) + access);
        TestGit.git(repo, "init", "-q", "-b", "main");
        commit(repo, "configuration with an access policy");
        return new PolicyRepo(repo, config);
    }

    /** Runs the CLI in the configuration directory as {@code user} ({@code CONFIG_CICD_USER}, nothing else set). */
    CliRun as(String user, String... args) {
        return run(Map.of("CONFIG_CICD_USER", user), args);
    }

    /** Runs the CLI in the configuration directory with exactly {@code env} as its environment. */
    CliRun run(Map<String, String> env, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--config-dir", config.toString()));
        all.addAll(List.of(args));
        return CliRun.run(new HashMap<>(env), all.toArray(String[]::new));
    }

    Path file(String relative) {
        return config.resolve(relative);
    }

    String read(String relative) throws Exception {
        return Files.readString(config.resolve(relative));
    }

    void write(String relative, String text) throws Exception {
        Files.writeString(config.resolve(relative), text);
    }

    /** Replaces {@code from} by {@code to} in a file of the configuration directory; the text must be there. */
    void replace(String relative, String from, String to) throws Exception {
        String text = read(relative);
        if (!text.contains(from)) {
            throw new IllegalStateException(relative + " does not contain " + from);
        }
        write(relative, text.replace(from, to));
    }

    String commitAll(String message) throws Exception {
        commit(repo, message);
        return git("rev-parse", "HEAD").trim();
    }

    String git(String... args) throws Exception {
        return TestGit.git(repo, args);
    }

    /** The audit log's lines, parsed. */
    List<JsonNode> audit() throws Exception {
        Path log = config.resolve(".config-cicd/audit/audit.jsonl");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().map(l -> JsonMapper.shared().readTree(l)).toList();
    }
}
