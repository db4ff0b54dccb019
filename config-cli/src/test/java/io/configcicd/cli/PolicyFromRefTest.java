package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 4: with a policy ref (--policy-ref, CONFIG_CICD_POLICY_REF or access.policy_from), access: and audit:
 * come from config-cicd.yaml as the ref has it committed, not from the work tree its subject edits; in CI a work tree
 * whose access: or audit: differ from the ref's is refused for writes.
 */
class PolicyFromRefTest {

    private static final String DAVE_AS_OPERATOR = "    dave: [operator]\n";

    @TempDir
    Path tmp;

    private PolicyRepo repo;

    @BeforeEach
    void repository() throws Exception {
        repo = PolicyRepo.create(tmp);
    }

    private CliRun setProduction(Map<String, String> env, String... before) {
        String[] set = {"set", "--scope", "global", "--name", "production", "--path", "kgot.reasoning_depth", "--value",
                "9"};
        String[] all = new String[before.length + set.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(set, 0, all, before.length, set.length);
        return repo.run(env, all);
    }

    private void daveBindsHimselfToOperator() throws Exception {
        repo.replace("config-cicd.yaml", "    dave: [developer]\n", DAVE_AS_OPERATOR);
    }

    @Test
    void without_a_policy_ref_the_work_tree_policy_decides_which_is_the_documented_trust_boundary() throws Exception {
        daveBindsHimselfToOperator();
        assertThat(setProduction(Map.of("CONFIG_CICD_USER", "dave")).exitCode()).isZero();
    }

    @Test
    void daves_uncommitted_binding_does_not_count_under_policy_ref_main() throws Exception {
        daveBindsHimselfToOperator();

        CliRun r = setProduction(Map.of("CONFIG_CICD_USER", "dave"), "--policy-ref", "main");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.err()).contains("'dave'").contains("roles: developer");
        assertThat(repo.read("environments/production.yaml")).contains("reasoning_depth: 4");
        assertThat(setProduction(Map.of("CONFIG_CICD_USER", "dave", "CONFIG_CICD_POLICY_REF", "main")).exitCode())
                .as("the variable pins it as well").isEqualTo(4);
        assertThat(setProduction(Map.of("CONFIG_CICD_USER", "carol"), "--policy-ref", "main").exitCode()).isZero();
    }

    @Test
    void access_policy_from_committed_in_the_settings_reads_the_policy_from_that_ref() throws Exception {
        repo.replace("config-cicd.yaml", "  bindings:\n", "  policy_from: main\n  bindings:\n");
        repo.commitAll("the policy comes from main");
        daveBindsHimselfToOperator();

        assertThat(setProduction(Map.of("CONFIG_CICD_USER", "dave")).exitCode()).isEqualTo(4);
    }

    @Test
    void disabling_or_moving_the_audit_log_in_the_work_tree_neither_stops_nor_redirects_it() throws Exception {
        Map<String, String> carol = Map.of("CONFIG_CICD_USER", "carol", "CONFIG_CICD_POLICY_REF", "main");
        repo.write("config-cicd.yaml", repo.read("config-cicd.yaml") + "audit: {enabled: false}\n");
        assertThat(setProduction(carol).exitCode()).isZero();
        repo.replace("config-cicd.yaml", "audit: {enabled: false}", "audit: {path: elsewhere/audit.jsonl}");
        assertThat(setProduction(carol).exitCode()).isZero();

        assertThat(repo.audit()).filteredOn(l -> l.path("command").asString().equals("set")
                && l.path("result").asString().equals("ok")).hasSize(2);
        assertThat(repo.file("elsewhere/audit.jsonl")).doesNotExist();
        CliRun verify = repo.run(carol, "--format", "json", "audit", "verify");
        assertThat(verify.out()).as("verify checks the ref's log, not the work tree's")
                .contains("\"lines\": " + repo.audit().size());
    }

    @Test
    void in_ci_a_work_tree_whose_policy_differs_from_the_ref_is_refused_for_writes_but_may_read() throws Exception {
        Map<String, String> ci = new HashMap<>(Map.of("CI", "true", "GITHUB_ACTIONS", "true", "GITHUB_ACTOR", "carol",
                "CONFIG_CICD_POLICY_REF", "main"));
        daveBindsHimselfToOperator();

        CliRun write = setProduction(ci);
        CliRun read = repo.run(ci, "get", "--scope", "global", "--name", "production", "--path", "kgot.reasoning_depth");

        assertThat(write.exitCode()).as(write.out() + write.err()).isEqualTo(4);
        assertThat(write.err()).contains("refused in CI").contains("access:").contains("main");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(repo.audit()).last().satisfies(l ->
                assertThat(l.path("result").asString()).isEqualTo("denied: write: policy changed in the work tree"));

        repo.git("checkout", "--", "configuration/config-cicd.yaml");
        assertThat(setProduction(ci).exitCode()).as("the same policy as the ref").isZero();
    }

    @Test
    void a_policy_ref_that_is_not_in_the_clone_is_bad_input_with_a_hint_to_fetch_it() throws Exception {
        CliRun r = setProduction(Map.of("CONFIG_CICD_USER", "carol"), "--policy-ref", "origin/main");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("the policy ref").contains("origin/main").contains("git fetch");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void in_a_shallow_clone_the_ref_is_read_once_its_newest_commit_is_fetched() throws Exception {
        repo.git("checkout", "-q", "-b", "feature");
        repo.replace("environments/development.yaml", "verbose_logging: true", "verbose_logging: false");
        repo.commitAll("a feature");
        Path clone = tmp.resolve("clone");
        TestGit.git(tmp, "clone", "-q", "--depth", "1", "--single-branch", "--branch", "feature",
                repo.repo.toUri().toString(), clone.toString());
        Path config = clone.resolve("configuration");
        Map<String, String> env = Map.of("CONFIG_CICD_USER", "carol", "CONFIG_CICD_POLICY_REF", "origin/main");

        CliRun missing = CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name",
                "production", "--path", "kgot.reasoning_depth");
        assertThat(missing.exitCode()).as(missing.err()).isEqualTo(2);
        assertThat(missing.err()).contains("shallow clone").contains("fetch");

        TestGit.git(clone, "fetch", "-q", "--depth=1", "origin", "main:refs/remotes/origin/main");
        CliRun fetched = CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name",
                "production", "--path", "kgot.reasoning_depth");
        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        assertThat(fetched.out().trim()).isEqualTo("4");
    }

    @Test
    void a_policy_ref_outside_git_is_bad_input() {
        Path plain = CliRun.copyOfExamples(tmp.resolve("plain"));
        CliRun r = CliRun.run(Map.of("CONFIG_CICD_USER", "carol"), "--config-dir", plain.toString(), "--policy-ref",
                "main", "list", "--scope", "global");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("not inside a git repository").contains("policy ref");
    }
}
