package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.deploy.Deployment;
import io.configcicd.core.deploy.TargetPlan;
import io.configcicd.core.deploy.TargetResult;
import io.configcicd.core.deploy.TargetStatus;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployReportsTest {

    private static final Instant T = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void aFailedDeployWhoseTargetsWerePutBackSaysTheyWereRestored() {
        String text = DeployReports.text(failed(TargetStatus.RESTORED));

        assertThat(text).startsWith("deploy development: FAILED; targets already written were restored");
    }

    @Test
    void aFailedDeployWhoseRestoreFailedNamesThatTargetInItsHeadlineAndNeverSaysRestored() {
        String text = DeployReports.text(failed(TargetStatus.RESTORE_FAILED));

        assertThat(text).startsWith("deploy development: FAILED, and RESTORE FAILED for cache: they may hold the new"
                + " content").doesNotContain("were restored");
        assertThat(DeployReports.markdown(failed(TargetStatus.RESTORE_FAILED))).contains("RESTORE FAILED for cache");
    }

    @Test
    void aStoresPlanNotesAppearInTheTextTheJsonAndTheMarkdownOfThePlan() {
        String note = "applied in 3 transactions: readers may see a mix for a moment";
        Deployment d = new Deployment(Deployment.Kind.DEPLOY, "d3", "development", "abc", "ci",
                Deployment.Status.DRY_RUN, List.of(new TargetResult(plan("kv", "consul").withNotes(List.of(note)),
                TargetStatus.PLANNED, "")), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), T, T);

        assertThat(DeployReports.text(d)).contains("target kv (consul, keys): PLANNED\n  note: " + note + "\n");
        assertThat(DeployReports.json(DeployReports.structure(d))).contains("\"notes\" : [ \"" + note + "\" ]");
        assertThat(DeployReports.markdown(d)).contains("> kv: " + note);
    }

    private static Deployment failed(TargetStatus first) {
        return new Deployment(Deployment.Kind.DEPLOY, "d2", "development", "abc", "ci", Deployment.Status.FAILED,
                List.of(new TargetResult(plan("cache", "redis"), first, ""),
                        new TargetResult(plan("local", "file"), TargetStatus.FAILED, "cannot lock")),
                List.of(), List.of(), List.of(), Optional.of(".config-cicd/deployments/d2.json"), Optional.empty(), T, T);
    }

    private static TargetPlan plan(String target, String type) {
        return new TargetPlan(target, type, Layout.KEYS, SecretsMode.REFERENCE, 1, List.of(), "a".repeat(64),
                "b".repeat(64), Optional.empty(), false);
    }
}
