package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.external.VaultDouble;
import io.configcicd.core.security.crypto.KeyRing;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output of the action (log, errors, step outputs, summary, report file) passes through one masker: seeded
 * secrets appear only in the {@code ::add-mask::} lines, which come first (that is how GitHub masking works: the
 * runner hides those lines and, from then on, the values).
 */
class SecretsNeverLeaveTheActionTest {

    private static final String FROM_ENV = "env-Secret-9931";
    private static final String ENCRYPTED = "enc-Secret-4417";
    private static final String PLAINTEXT = "plain-Secret-2024";

    @TempDir
    Path tmp;

    @Test
    void seededSecretsAppearOnlyInTheAddMaskLinesThatComeFirst() throws Exception {
        SimulatedRunner runner = new SimulatedRunner(tmp);
        SecretKeyMaterial key = SecretKeyMaterial.generate();
        String token = new SecretCipher(KeyRing.of(key)).encrypt(ENCRYPTED);
        runner.set("CONFIG_CICD_KEY", key.toBase64());
        runner.set("DB_PASSWORD", FROM_ENV);
        runner.write("global/api.yaml", "api:\n  token: \"" + token + "\"\nnotes:\n  pasted: nothing yet\n");
        String base = runner.commit("initial");
        String basicAuth = Base64.getEncoder().encodeToString(("user:" + ENCRYPTED).getBytes(StandardCharsets.UTF_8));
        runner.write("environments/staging.yaml", "service:\n  timeout: 45\ncache:\n  password: " + PLAINTEXT + "\n");
        runner.write("global/api.yaml", "api:\n  token: \"" + token + "\"\nnotes:\n  pasted: \"connect with " + FROM_ENV
                + " or " + ENCRYPTED + " or " + PLAINTEXT + ", header " + basicAuth + "\"\n");
        runner.commit("a careless commit");
        runner.pullRequest(base);

        SimulatedRunner.Step assess = runner.run("command", "assess");
        SimulatedRunner.Step validate = runner.run("command", "validate");

        assertThat(assess.exitCode()).as(assess.stdout()).isZero();
        assertThat(assess.outputs().get("changed_keys")).contains("cache.password", "notes.pasted");
        assertThat(assess.stdout()).contains("connect with ****** or ****** or ******, header ");
        assertThat(validate.exitCode()).as(validate.stdout()).isEqualTo(1);
        assertThat(validate.stdout()).contains("::error file=configuration/environments/staging.yaml,line=4,");
        for (SimulatedRunner.Step step : List.of(assess, validate)) {
            List<String> lines = step.stdout().lines().toList();
            long masks = lines.stream().takeWhile(l -> l.startsWith("::add-mask::")).count();
            assertThat(lines.subList(0, (int) masks)).contains("::add-mask::" + FROM_ENV, "::add-mask::" + ENCRYPTED,
                    "::add-mask::" + PLAINTEXT, "::add-mask::" + key.toBase64());
            String rest = String.join("\n", lines.subList((int) masks, lines.size())) + step.stderr()
                    + step.outputFile() + step.summary() + step.report();
            assertThat(rest).doesNotContain("::add-mask::");
            for (String secret : List.of(FROM_ENV, ENCRYPTED, PLAINTEXT, key.toBase64(), basicAuth)) {
                assertThat(rest).doesNotContain(secret);
            }
        }
    }

    @Test
    void aSecretOnlyTheBaseRevisionHoldsNeverLeavesTheActionInAnyOutput() throws Exception {
        String old = "old-Secret-Pa55";
        String oldBase64 = Base64.getEncoder().encodeToString(old.getBytes(StandardCharsets.UTF_8));
        SimulatedRunner runner = new SimulatedRunner(tmp);
        runner.write("global/db.yaml", "db:\n  password: " + old + "\n  conn: postgres://app:" + old + "@db/app\n"
                + "  b64: " + oldBase64 + "\n");
        String base = runner.commit("initial");
        runner.write("global/db.yaml", "db:\n  password: \"${DB_PASSWORD}\"\n  conn: postgres://app:${DB_PASSWORD}@db/app\n"
                + "  b64: none\n");
        runner.commit("move the password out of git");
        runner.pullRequest(base);

        SimulatedRunner.Step assess = runner.run("command", "assess");

        assertThat(assess.exitCode()).as(assess.stdout()).isZero();
        assertThat(assess.outputs().get("changed_keys")).contains("db.b64", "db.conn", "db.password");
        String all = assess.stdout() + assess.stderr() + assess.outputFile() + assess.summary() + assess.report();
        assertThat(all).contains("db.b64").doesNotContain(old).doesNotContain(oldBase64);
    }

    /** staging deploys to a file target that writes the real values of secrets ({@code secrets: resolve}). */
    private static SimulatedRunner resolvingTarget(Path tmp) throws Exception {
        SimulatedRunner runner = new SimulatedRunner(tmp);
        runner.write("config-cicd.yaml", """
                environments:
                  staging: {targets: [local]}
                  production: {protected: true}
                targets:
                  local: {type: file, path: build/deployed, secrets: resolve}
                """);
        return runner;
    }

    @Test
    void aDeployDryRunAndDriftToAResolvingTargetNeverShowTheValueItWrote() throws Exception {
        SimulatedRunner runner = resolvingTarget(tmp);
        runner.set("DB_PASSWORD", FROM_ENV);
        runner.commit("initial");

        SimulatedRunner.Step dryRun = runner.run("command", "deploy", "environment", "staging", "dry_run", "true");
        SimulatedRunner.Step deploy = runner.run("command", "deploy", "environment", "staging");
        SimulatedRunner.Step drift = runner.run("command", "drift", "environment", "staging");

        assertThat(Files.readString(runner.workspace.resolve("build/deployed/staging.json"))).contains(FROM_ENV);
        for (SimulatedRunner.Step step : List.of(dryRun, deploy, drift)) {
            assertThat(step.exitCode()).as(step.stdout()).isZero();
            List<String> lines = step.stdout().lines().toList();
            assertThat(lines.get(0)).isEqualTo("::add-mask::" + FROM_ENV);
            String rest = String.join("\n", lines.subList(1, lines.size())) + step.stderr() + step.outputFile()
                    + step.summary() + step.report();
            assertThat(rest).doesNotContain(FROM_ENV);
        }
        assertThat(dryRun.summary()).contains("database.password");
        try (var journal = Files.list(runner.config.resolve(".config-cicd/deployments"))) {
            for (Path entry : (Iterable<Path>) journal::iterator) {
                assertThat(Files.readString(entry)).doesNotContain(FROM_ENV);
            }
        }
    }

    /**
     * A {@code ${vault:...}} value is known to nobody until the deploy resolves it for the target: its
     * {@code ::add-mask::} comes the moment the service learns it, before any line about the target, and it is
     * in no output, the summary, the report or the journal.
     */
    @Test
    void aValueTheDeployResolvesFromVaultIsAddedAsAMaskBeforeAnyLineAboutTheTarget() throws Exception {
        String fromVault = "vault-Secret-6160";
        SimulatedRunner runner = resolvingTarget(tmp);
        runner.write("global/api.yaml", "api:\n  token: \"${vault:secret/ci#token}\"\n");
        runner.set("DB_PASSWORD", FROM_ENV);
        runner.commit("initial");
        try (VaultDouble vault = VaultDouble.start("s.vault-Token-1").put("secret/data/ci", Map.of("token", fromVault))) {
            runner.set("VAULT_ADDR", vault.address());
            runner.set("VAULT_TOKEN", "s.vault-Token-1");

            SimulatedRunner.Step deploy = runner.run("command", "deploy", "environment", "staging", "deployment_id",
                    "v1");

            assertThat(deploy.exitCode()).as(deploy.stdout()).isZero();
            assertThat(Files.readString(runner.workspace.resolve("build/deployed/staging.json"))).contains(fromVault);
            List<String> lines = deploy.stdout().lines().toList();
            int mask = lines.indexOf("::add-mask::" + fromVault);
            int aboutTarget = lines.stream().filter(l -> l.contains("local")).findFirst().map(lines::indexOf)
                    .orElseThrow();
            assertThat(mask).as(deploy.stdout()).isNotNegative().isLessThan(aboutTarget);
            assertThat(lines).filteredOn(l -> l.contains(fromVault)).containsExactly("::add-mask::" + fromVault);
            String rest = deploy.stderr() + deploy.outputFile() + deploy.summary() + deploy.report()
                    + Files.readString(runner.config.resolve(".config-cicd/deployments/v1.json"));
            assertThat(rest).contains("api.token").doesNotContain(fromVault);
        }
    }
}
