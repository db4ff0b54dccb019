package io.configcicd.core.api;

import static io.configcicd.core.api.ServiceFixture.as;
import static io.configcicd.core.api.ServiceFixture.auditLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.diff.Change;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.access.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffServiceTest {

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void configuration() {
        dir = ServiceFixture.directory(tmp);
        ServiceFixture.write(dir.resolve("environments/production.yaml"),
                "service:\n  port: 443\ndatabase:\n  password: \"${DB_PASSWORD_PRODUCTION}\"\n");
    }

    @Test
    void comparingTwoEnvironmentsGivesTheirKeyLevelChangesWithSecretsAsAStatusOnly() {
        DiffOutcome outcome;
        try (Workspace ws = as("bob", dir)) {
            outcome = new DiffService().diff(ws, DiffRequest.of(Scope.GLOBAL, "staging").withCompare("production"));
        }

        assertThat(outcome.from()).isEqualTo("staging");
        assertThat(outcome.to()).isEqualTo("production");
        assertThat(outcome.changes()).extracting(c -> c.path().toString())
                .containsExactlyInAnyOrder("service.port", "database.password");
        Change secret = outcome.changes().stream().filter(c -> c.path().toString().equals("database.password"))
                .findFirst().orElseThrow();
        assertThat(secret.before()).isEmpty();
        assertThat(secret.after()).isEmpty();
        assertThat(secret.secret()).isPresent();
    }

    @Test
    void comparingNeedsReadOnTheOtherEnvironmentTooAndTheDenialIsAudited() {
        try (Workspace ws = as("alice", dir)) {
            assertThatThrownBy(() -> new DiffService().diff(ws,
                    DiffRequest.of(Scope.GLOBAL, "staging").withCompare("production")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("production");
        }

        assertThat(auditLines(dir)).containsExactly("alice diff denied: read");
    }

    @Test
    void comparingAnEnvironmentWithItselfIsBadInput() {
        try (Workspace ws = as("bob", dir)) {
            assertThatThrownBy(() -> new DiffService().diff(ws,
                    DiffRequest.of(Scope.GLOBAL, "staging").withCompare("staging")))
                    .isInstanceOfSatisfying(ConfigCicdException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                    .hasMessageContaining("--compare names the same environment as --name");
        }
    }

    @Test
    void aRequestWithNeitherRevisionNorOtherEnvironmentIsBadInput() {
        try (Workspace ws = as("bob", dir)) {
            assertThatThrownBy(() -> new DiffService().diff(ws, DiffRequest.of(Scope.GLOBAL, "staging")))
                    .isInstanceOfSatisfying(ConfigCicdException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT));
        }
        assertThat(auditLines(dir)).isEmpty();
    }
}
