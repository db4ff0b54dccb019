package io.configcicd.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeNoticeTest {

    @Test
    void changedPathsAreTheAddedRemovedAndChangedEntryNamesInOrder() {
        StoreContent before = StoreContent.Keys.of(Map.of("a", "1", "b", "2", "c", "3"));
        StoreContent after = StoreContent.Keys.of(Map.of("a", "1", "b", "20", "d", "4"));

        assertThat(ChangeNotice.changedPaths(before, after)).containsExactly("b", "c", "d");
    }

    @Test
    void aChangedDocumentIsOnePathAndAnUnchangedOneNone() {
        StoreContent x = new StoreContent.Document("{\"a\":1}", DocumentFormat.JSON.mediaType());
        StoreContent y = new StoreContent.Document("{\"a\":2}", DocumentFormat.JSON.mediaType());

        assertThat(ChangeNotice.changedPaths(x, y)).containsExactly("(document)");
        assertThat(ChangeNotice.changedPaths(x, x)).isEmpty();
    }

    @Test
    void aRestoreToNothingHasNullCommitAndDeploymentAndNoValue() {
        StoreContent before = StoreContent.Keys.of(Map.of("db.password", "hunter2"));
        StoreState was = StoreState.of(before, DeployedRecord.of(before, "c1", "run-1", Instant.EPOCH));

        String json = ChangeNotice.json("production", "config:production", was, StoreState.empty(Layout.KEYS));

        assertThat(json).contains("\"commit\":null", "\"deployment_id\":null", "\"changed_paths\":[\"db.password\"]",
                "\"sha256\":\"" + StoreContent.empty(Layout.KEYS).sha256() + "\"").doesNotContain("hunter2");
    }
}
