package io.configcicd.core.api;

import static io.configcicd.core.api.ServiceFixture.auditLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.history.Backup;
import io.configcicd.core.history.HistoryEntry;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.access.AccessDeniedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryServiceTest {

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void configuration() {
        dir = ServiceFixture.directory(tmp);
    }

    @Test
    void outsideGitTheHistoryIsTheBackupsAndANoteSaysSoAsAWarningEvent() {
        EventSink.Recording events = EventSink.recording();
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        HistoryOutcome outcome;
        Backup taken;
        try (Workspace ws = Workspace.open(dir, Map.of("CONFIG_CICD_USER", "bob"), clock, events)) {
            taken = new BackupService().create(ws, BackupRequest.of(Scope.GLOBAL, "staging")).backup();
            outcome = new HistoryService().history(ws, HistoryRequest.of(Scope.GLOBAL, "staging"));
        }

        assertThat(outcome.git()).isFalse();
        assertThat(outcome.entries()).extracting(HistoryEntry::commitId).containsExactly(taken.id());
        assertThat(outcome.notes()).singleElement().asString()
                .endsWith("is not in a git repository: this history is its backups (config-cicd backup); "
                        + "commits, authors and messages need git");
        assertThat(events.events()).singleElement().isInstanceOfSatisfying(Event.Warning.class, w -> {
            assertThat(w.message()).isEqualTo(outcome.notes().get(0));
            assertThat(w.operation()).isEqualTo("history");
            assertThat(w.time()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aPrincipalWithoutReadIsDeniedAndTheDenialAudited() {
        try (Workspace ws = ServiceFixture.as("alice", dir)) {
            assertThatThrownBy(() -> new HistoryService().history(ws, HistoryRequest.of(Scope.GLOBAL, "production")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("production");
        }

        assertThat(auditLines(dir)).containsExactly("alice history denied: read");
    }
}
