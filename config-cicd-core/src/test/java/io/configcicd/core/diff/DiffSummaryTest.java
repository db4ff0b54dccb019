package io.configcicd.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffSummaryTest {

    @Test
    void countsChangesByTypeAndSecretsAndNamesTheChangedSections() {
        var before = ConfigDiffTest.yaml("a.yaml", "kgot: {depth: 3, gone: 1}\nservices: {port: 1}\ndb: {password: x}\nsame: 1\n");
        var after = ConfigDiffTest.yaml("a.yaml", "kgot: {depth: 4, extra: 2}\nservices: {port: 1}\ndb: {password: y}\nsame: 1\n");

        DiffSummary summary = DiffSummary.of(ConfigDiff.between(before, after, new SecretMasker(Settings.DEFAULT_SECRET_KEYS)));

        assertThat(summary).isEqualTo(new DiffSummary(1, 1, 2, 1, List.of("db", "kgot")));
        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.isEmpty()).isFalse();
        assertThat(summary).hasToString("+1 -1 ~2 (db, kgot)");
        assertThat(DiffSummary.of(List.of()).isEmpty()).isTrue();
    }
}
