package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rollback --environment E --deployment-id ID}: a store rollback on the examples' development environment and
 * its file target, beside the file rollback whose options it excludes.
 */
class StoreRollbackCommandTest {

    @TempDir
    Path tmp;

    private Path config;
    private Path deployed;

    /**
     * The examples' development environment, its graph store password a plain reference: the journal keeps a
     * previous content only when no value in it is one the masker hides, and the examples' reference carries a
     * default ({@code ${NEO4J_PASSWORD:-neo4j-dev}}) that the masker treats as a secret.
     */
    @BeforeEach
    void copy() throws Exception {
        config = CliRun.copyOfExamples(tmp);
        deployed = tmp.resolve("build/deployed/development.json");
        Path dev = config.resolve("environments/development.yaml");
        Files.writeString(dev, Files.readString(dev).replace("\"${NEO4J_PASSWORD:-neo4j-dev}\"", "\"${NEO4J_PASSWORD}\""));
    }

    @Test
    void aDeploymentWhosePreviousContentHeldAMaskedValueIsRefusedNamingTheWayOut() throws Exception {
        Path dev = config.resolve("environments/development.yaml");
        Files.writeString(dev, Files.readString(dev).replace("\"${NEO4J_PASSWORD}\"", "\"${NEO4J_PASSWORD:-neo4j-dev}\""));
        twoDeployments();

        CliRun rollback = CliRun.in(config, "rollback", "--environment", "development", "--deployment-id", "d2");

        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.out()).contains("refused by previous content not in the journal");
        assertThat(Files.readString(deployed)).contains("second-deployment");
    }

    /** Deploys d1, changes the configuration, deploys d2; returns what the target held after d1. */
    private String twoDeployments() throws Exception {
        CliRun first = CliRun.in(config, "deploy", "--environment", "development", "--deployment-id", "d1");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        String afterFirst = Files.readString(deployed);
        Path dev = config.resolve("environments/development.yaml");
        Files.writeString(dev, Files.readString(dev).replace("host: 127.0.0.1\n    debug: true\n  kgot_service",
                "host: second-deployment.internal\n    debug: true\n  kgot_service"));
        CliRun second = CliRun.in(config, "deploy", "--environment", "development", "--deployment-id", "d2");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(Files.readString(deployed)).contains("second-deployment");
        return afterFirst;
    }

    @Test
    void rollingBackTheSecondDeploymentPutsTheFirstContentBackAndJournalsTheRollback() throws Exception {
        String afterFirst = twoDeployments();

        CliRun rollback = CliRun.in(config, "rollback", "--environment", "development", "--deployment-id", "d2");

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).startsWith("rollback development: applied to 1 target(s)")
                .contains("target local (file, document): APPLIED");
        assertThat(Files.readString(deployed)).isEqualTo(afterFirst).doesNotContain("second-deployment");
        try (var journal = Files.list(config.resolve(".config-cicd/deployments"))) {
            assertThat(journal.map(p -> p.getFileName().toString())).hasSize(3).contains("d1.json", "d2.json");
        }
    }

    @Test
    void theRollbackAsJsonNamesTheDeploymentItUndidAndItsChanges() throws Exception {
        twoDeployments();

        CliRun rollback = CliRun.in(config, "rollback", "--environment", "development", "--deployment-id", "d2",
                "--format", "json");

        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(rollback.out());
        assertThat(json.path("kind").asString()).isEqualTo("rollback");
        assertThat(json.path("rollback_of").asString()).isEqualTo("d2");
        assertThat(json.path("status").asString()).isEqualTo("applied");
        assertThat(json.path("targets").get(0).path("changes").toString()).contains("second-deployment");
    }

    @Test
    void aTargetThatMovedOnSinceIsRefusedWithExitOneUnlessForced() throws Exception {
        String afterFirst = twoDeployments();
        Files.writeString(deployed, Files.readString(deployed).replace("second-deployment", "edited-by-hand"));

        CliRun refused = CliRun.in(config, "rollback", "--environment", "development", "--deployment-id", "d2");
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.out()).contains("refused");
        assertThat(Files.readString(deployed)).contains("edited-by-hand");

        CliRun forced = CliRun.in(config, "rollback", "--environment", "development", "--deployment-id", "d2",
                "--force");
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
        assertThat(Files.readString(deployed)).isEqualTo(afterFirst);
    }

    @Test
    void anUnknownDeploymentIsBadInput() {
        CliRun run = CliRun.in(config, "rollback", "--environment", "development", "--deployment-id", "nope");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("nope");
    }

    @Test
    void fileAndStoreOptionsTogetherAreAUsageErrorThatNamesBoth() {
        CliRun run = CliRun.in(config, "rollback", "--scope", "global", "--name", "development", "--environment",
                "development", "--deployment-id", "d1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("rollback takes either --scope/--name").contains("--environment/--deployment-id")
                .contains("not both").contains("--scope, --name with --environment, --deployment-id")
                .contains("hint: run 'config-cicd rollback --help'");
    }

    @Test
    void aStoreRollbackWithoutTheDeploymentIdIsAUsageError() {
        CliRun run = CliRun.in(config, "rollback", "--environment", "development");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs both --environment and --deployment-id");
    }

    @Test
    void aRollbackWithNeitherKindOfOptionsIsAUsageError() {
        CliRun run = CliRun.in(config, "rollback");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options");
    }

    @Test
    void aWithheldPreviousContentIsRebuiltFromTheCommitItsRecordNamesWhenItsHashMatches() throws Exception {
        Path repo = tmp.resolve("repo");
        Path committed = TestGit.committedExamples(repo);
        Path target = repo.resolve("build/deployed/development.json");
        Path dev = committed.resolve("environments/development.yaml");
        assertThat(Files.readString(dev)).contains("${NEO4J_PASSWORD:-neo4j-dev}");
        CliRun first = CliRun.in(committed, "deploy", "--environment", "development", "--deployment-id", "g1");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        String afterFirst = Files.readString(target);
        Files.writeString(dev, Files.readString(dev).replace("host: 127.0.0.1\n    debug: true\n  kgot_service",
                "host: second-deployment.internal\n    debug: true\n  kgot_service"));
        TestGit.commit(repo, "second deployment");
        CliRun second = CliRun.in(committed, "deploy", "--environment", "development", "--deployment-id", "g2");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(Files.readString(committed.resolve(".config-cicd/deployments/g2.json"))).contains("withheld")
                .doesNotContain("neo4j-dev");

        CliRun rollback = CliRun.in(committed, "rollback", "--environment", "development", "--deployment-id", "g2");

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(Files.readString(target)).isEqualTo(afterFirst);
        assertThat(rollback.out() + rollback.err()).doesNotContain("neo4j-dev");
    }
}
