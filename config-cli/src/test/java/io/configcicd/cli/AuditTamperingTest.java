package io.configcicd.cli;

import static io.configcicd.cli.TestGit.commit;
import static io.configcicd.cli.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 6: what someone who can write the configuration directory (not the CI system's secrets) does to the
 * audit log after a change, and what {@code audit verify} and the next append say about it.
 */
class AuditTamperingTest {

    private static final String AUDIT_KEY = "q8mQ1k0qvX2bq7mQ0d3mYl2b0oWm9h6cQ5a3TtXk1eA=";

    @TempDir
    Path tmp;

    /** A clone with the example configuration committed, and two changes made by carol. */
    private Path repoWithTwoChanges(Map<String, String> env) throws Exception {
        Path repo = tmp.resolve("repo");
        Path config = CliRun.copyOfExamples(repo);
        Files.writeString(repo.resolve(".gitignore"), ".config-cicd/\n");
        git(repo, "init", "-q", "-b", "main");
        commit(repo, "initial configuration");
        for (String depth : List.of("5", "6")) {
            CliRun set = CliRun.run(env, "--config-dir", config.toString(), "set", "--scope", "global", "--name",
                    "development", "--path", "kgot.reasoning_depth", "--value", depth);
            assertThat(set.exitCode()).as(set.err()).isZero();
        }
        return config;
    }

    private Path repoWithTwoChanges() throws Exception {
        return repoWithTwoChanges(Map.of("CONFIG_CICD_USER", "carol"));
    }

    private static Path log(Path config) {
        return config.resolve(".config-cicd/audit/audit.jsonl");
    }

    private static Path head(Path config) {
        return config.resolve(".config-cicd/audit/audit.head");
    }

    private static CliRun verify(Path config) {
        return CliRun.as("carol", config, "audit", "verify");
    }

    /** The documented line hash: SHA-256 of the line without its hash member. What a forger computes. */
    private static String rehash(String line) throws Exception {
        String content = line.substring(0, line.length() - 75) + "}";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
        return content.substring(0, content.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    private static String hashOf(String line) {
        return line.substring(line.length() - 66, line.length() - 2);
    }

    /** Edits line {@code k} and re-hashes it and every line after it, then rewrites the head: a consistent forgery. */
    private static void rewriteChainFrom(Path config, int k, String from, String to) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(config)));
        lines.set(k, lines.get(k).replace(from, to));
        for (int i = k; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > k) {
                line = line.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + hashOf(lines.get(i - 1)) + "\"");
            }
            lines.set(i, rehash(line.replaceFirst(",\"mac\":\"[^\"]*\"", "")));
        }
        Files.writeString(log(config), String.join("\n", lines) + "\n");
        Files.writeString(head(config), "{\"count\":" + lines.size() + ",\"hash\":\"" + hashOf(lines.get(lines.size() - 1))
                + "\"}\n");
    }

    @Test
    void deleting_the_log_and_its_head_is_found() throws Exception {
        Path config = repoWithTwoChanges();
        Files.delete(log(config));
        Files.delete(head(config));

        CliRun r = verify(config);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("anchor").contains("missing or empty").contains("audit log DAMAGED");
    }

    @Test
    void deleting_the_whole_audit_directory_is_found_and_no_fresh_log_is_started_over_it() throws Exception {
        Path config = repoWithTwoChanges();
        try (Stream<Path> files = Files.walk(config.resolve(".config-cicd/audit"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        assertThat(verify(config).exitCode()).isEqualTo(1);
        CliRun set = CliRun.as("carol", config, "set", "--scope", "global", "--name", "development", "--path",
                "kgot.reasoning_depth", "--value", "7");
        assertThat(set.exitCode()).isEqualTo(3);
        assertThat(set.err()).contains("audit verify").doesNotContain("\tat ");
        assertThat(Files.readString(config.resolve("environments/development.yaml"))).doesNotContain("reasoning_depth: 7");
    }

    @Test
    void cutting_the_last_lines_and_rewriting_the_head_is_found() throws Exception {
        Path config = repoWithTwoChanges();
        List<String> lines = Files.readAllLines(log(config));
        List<String> kept = lines.subList(0, 2);
        Files.writeString(log(config), String.join("\n", kept) + "\n");
        Files.writeString(head(config), "{\"count\":2,\"hash\":\"" + hashOf(kept.get(1)) + "\"}\n");

        CliRun r = verify(config);
        assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("anchored head (line " + lines.size()).contains("is not in the log");
    }

    @Test
    void a_chain_rehashed_with_its_head_is_found_through_the_git_anchor() throws Exception {
        Path config = repoWithTwoChanges();
        rewriteChainFrom(config, 1, "\"principal\":\"carol\"", "\"principal\":\"dave\"");

        CliRun r = verify(config);
        assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("anchor");
    }

    @Test
    void a_keyed_chain_rehashed_without_the_key_is_found_outside_git_too() throws Exception {
        Path config = CliRun.copyOfExamples(tmp);
        Map<String, String> env = Map.of("CONFIG_CICD_USER", "carol", "CONFIG_CICD_AUDIT_KEY", AUDIT_KEY);
        for (String depth : List.of("5", "6")) {
            assertThat(CliRun.run(env, "--config-dir", config.toString(), "set", "--scope", "global", "--name",
                    "development", "--path", "kgot.reasoning_depth", "--value", depth).exitCode()).isZero();
        }
        rewriteChainFrom(config, 1, "\"principal\":\"carol\"", "\"principal\":\"dave\"");

        CliRun keyed = CliRun.run(env, "--config-dir", config.toString(), "audit", "verify");
        assertThat(keyed.exitCode()).as(keyed.out()).isEqualTo(1);
        assertThat(keyed.out()).contains("key").contains("audit log DAMAGED").doesNotContain(AUDIT_KEY);
        CliRun withoutKey = verify(config);
        assertThat(withoutKey.out()).contains("MACs were NOT checked, because CONFIG_CICD_AUDIT_KEY is not set");
    }

    @Test
    void a_forged_line_chained_after_the_head_is_not_adopted_by_the_next_change() throws Exception {
        Path config = repoWithTwoChanges();
        List<String> lines = Files.readAllLines(log(config));
        String last = lines.get(lines.size() - 1);
        String forged = rehash(last.replace("\"principal\":\"carol\"", "\"principal\":\"dave\"")
                .replaceFirst("\"seq\":\\d+", "\"seq\":" + (lines.size() + 1))
                .replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + hashOf(last) + "\""));
        Files.writeString(log(config), forged + "\n", StandardOpenOption.APPEND);

        CliRun set = CliRun.as("carol", config, "set", "--scope", "global", "--name", "development", "--path",
                "kgot.reasoning_depth", "--value", "7");
        assertThat(set.exitCode()).as(set.err()).isEqualTo(3);
        assertThat(set.err()).contains("is not the one its head names").contains("audit verify");
        assertThat(Files.readAllLines(log(config))).hasSize(lines.size() + 1);
        assertThat(Files.readString(config.resolve("environments/development.yaml"))).doesNotContain("reasoning_depth: 7");
        assertThat(verify(config).exitCode()).isEqualTo(1);
    }

    @Test
    void a_log_that_is_a_symbolic_link_is_not_followed() throws Exception {
        Path config = CliRun.copyOfExamples(tmp);
        Path elsewhere = Files.writeString(tmp.resolve("attacker-controlled.jsonl"), "");
        Files.createDirectories(log(config).getParent());
        Files.createSymbolicLink(log(config), elsewhere);

        CliRun set = CliRun.as("carol", config, "set", "--scope", "global", "--name", "development", "--path",
                "kgot.reasoning_depth", "--value", "7");
        assertThat(set.exitCode()).isEqualTo(3);
        assertThat(set.err()).contains("symbolic link").doesNotContain("\tat ");
        assertThat(elsewhere).isEmptyFile();
        assertThat(Files.readString(config.resolve("environments/development.yaml"))).doesNotContain("reasoning_depth: 7");
        CliRun r = verify(config);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("link").contains("not followed");
    }

    @Test
    void the_audit_key_is_masked_in_every_output() throws Exception {
        Path config = CliRun.copyOfExamples(tmp);
        Map<String, String> env = Map.of("CONFIG_CICD_USER", "carol", "CONFIG_CICD_AUDIT_KEY", AUDIT_KEY);
        CliRun set = CliRun.run(env, "--config-dir", config.toString(), "set", "--scope", "global", "--name",
                "development", "--path", "kgot.note", "--value", AUDIT_KEY, "--no-validate");
        CliRun get = CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name",
                "development", "--path", "kgot.note");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out() + set.err() + get.out() + get.err()).doesNotContain(AUDIT_KEY).contains("*****");
        assertThat(Files.readString(log(config))).doesNotContain(AUDIT_KEY);
    }

    @Test
    void the_help_of_audit_verify_says_what_each_mode_detects() {
        CliRun help = CliRun.run("audit", "verify", "--help");
        assertThat(help.out()).contains("keyed chain (CONFIG_CICD_AUDIT_KEY").contains("git anchor")
                .contains("--expect-head").contains("Nothing finds").contains("unfinished");
    }
}
