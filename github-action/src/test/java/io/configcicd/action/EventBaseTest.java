package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventBaseTest {

    @TempDir
    Path tmp;

    private EventBase base(String event, String payload) throws Exception {
        Path file = tmp.resolve("event.json");
        Files.writeString(file, payload);
        return EventBase.of(RunnerContext.from(Map.of("GITHUB_EVENT_NAME", event, "GITHUB_EVENT_PATH", file.toString())));
    }

    @Test
    void aMergeGroupGivesItsBaseSha() throws Exception {
        assertThat(base("merge_group", "{\"merge_group\":{\"base_sha\":\"abc123\"}}").revision()).contains("abc123");
    }

    @Test
    void otherEventsAndPayloadsWithoutABaseUseTheFirstParent() throws Exception {
        assertThat(base("workflow_dispatch", "{\"before\":\"abc\"}").revision()).isEmpty();
        assertThat(base("pull_request", "{\"pull_request\":{}}").revision()).isEmpty();
        assertThat(EventBase.of(RunnerContext.from(Map.of("GITHUB_EVENT_NAME", "push"))))
                .isEqualTo(EventBase.firstParent("first parent of the head (no event payload)"));
        assertThat(base("push", "{\"before\":\"0000000000000000000000000000000000000000\"}").revision())
                .isEqualTo(Optional.empty());
    }

    @Test
    void aPayloadThatIsNotJsonIsBadInput() {
        assertThatThrownBy(() -> base("push", "{not json")).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("GITHUB_EVENT_PATH");
    }
}
