package io.configcicd.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.event.Event;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.source.DirectorySnapshot;
import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreProvider;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import io.configcicd.core.store.file.FileStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores' plan-time checks and notes, through the engine: shown in the plan, a refusal writes nothing. */
class StoreNotesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

    /** A file target whose {@code planNotes} answers what {@link #notes} supplies (or throws). */
    static final class NotingProvider implements StoreProvider {
        Supplier<List<String>> notes = List::of;
        int asked;
        private final FileStoreProvider files = new FileStoreProvider();

        @Override
        public String type() {
            return "noting";
        }

        @Override
        public Layout defaultLayout() {
            return Layout.KEYS;
        }

        @Override
        public Set<String> optionKeys() {
            return Set.of(FileStoreProvider.PATH);
        }

        @Override
        public ConfigStore open(TargetSpec spec, StoreContext context) {
            ConfigStore real = files.open(spec, context);
            return new ConfigStore() {
                public TargetSpec spec() {
                    return spec;
                }

                public StoreState read() {
                    return real.read();
                }

                public List<String> planNotes(StoreState live, StoreState desired) {
                    asked++;
                    assertThat(desired.content().isEmpty()).isFalse();
                    return notes.get();
                }

                public void apply(StoreState desired, StoreState expected) {
                    real.apply(desired, expected);
                }

                public StoreCheck check() {
                    return real.check();
                }

                public void close() {
                    real.close();
                }
            };
        }
    }

    @TempDir
    Path tmp;

    private Path config;
    private final NotingProvider noting = new NotingProvider();
    private final List<Event> events = new ArrayList<>();

    @BeforeEach
    void configuration() throws Exception {
        config = tmp.resolve("configuration");
        Files.createDirectories(config.resolve("global"));
        Files.writeString(config.resolve("global/base.yaml"), "app:\n  name: demo\n  workers: 4\n");
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [first, second]}\n"
                + "targets:\n  first: {type: file, path: out/first}\n  second: {type: noting, path: out/second}\n");
    }

    private Deployment deploy(boolean dryRun, boolean force) {
        DirectorySnapshot snapshot = DirectorySnapshot.of(ConfigDirectory.open(config, Codecs.standard(), Runnable::run));
        DeployInput in = new DeployInput(config, tmp, snapshot, "abc123", "", "dev", List.of(), Optional.empty(),
                "tester", dryRun, force, Map.of(), OutputMasker.none());
        return new DeployEngine(StoreProviders.of(List.of(new FileStoreProvider(), noting)), CLOCK, Runnable::run,
                events::add).deploy(in);
    }

    private boolean written(String target) {
        return Files.exists(tmp.resolve("out/" + target + "/dev.json"));
    }

    @Test
    void aDryRunShowsTheStoresNotesInThePlanAndWritesNothing() {
        noting.notes = () -> List.of("applied in 2 transactions");

        Deployment d = deploy(true, false);

        assertThat(d.status()).isEqualTo(Deployment.Status.DRY_RUN);
        assertThat(d.targets().get(1).plan().notes()).containsExactly("applied in 2 transactions");
        assertThat(d.targets().get(0).plan().notes()).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof Event.TargetStep s && s.target().equals("second"))
                .extracting(e -> ((Event.TargetStep) e).message()).contains("plan: applied in 2 transactions");
        assertThat(written("first")).isFalse();
        assertThat(written("second")).isFalse();
    }

    @Test
    void aStoreThatRefusesABadNameAtPlanTimeRefusesTheDeployEvenWithForceAndWritesNoTarget() {
        noting.notes = () -> {
            throw ConfigCicdException.badInput("target second: configuration path app.x cannot be a key",
                    "rename it");
        };

        Deployment d = deploy(false, true);

        assertThat(d.status()).isEqualTo(Deployment.Status.REFUSED);
        assertThat(d.failure()).contains(ErrorKind.BAD_INPUT);
        assertThat(d.refusals()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Refusal.STORE);
            assertThat(r.target()).isEqualTo("second");
            assertThat(r.message()).contains("app.x cannot be a key").contains("rename it");
            assertThat(r.forceable()).isFalse();
        });
        assertThat(d.targets()).hasSize(2);
        assertThat(d.journal()).isEmpty();
        assertThat(written("first")).isFalse();
        assertThat(written("second")).isFalse();
    }

    @Test
    void aStoreLimitRefusedAtPlanTimeIsAnExternalFailureOfADryRunToo() {
        noting.notes = () -> {
            throw new StoreException(StoreException.Reason.TOO_LARGE, "second", "too big", "make it smaller");
        };

        Deployment d = deploy(true, false);

        assertThat(d.status()).isEqualTo(Deployment.Status.REFUSED);
        assertThat(d.failure()).contains(ErrorKind.EXTERNAL);
        assertThat(d.refusals()).extracting(Refusal::message).containsExactly("target second: too big (make it smaller)");
    }

    @Test
    void aTargetThatAlreadyHoldsTheContentIsNotAsked() {
        deploy(false, false);
        noting.asked = 0;
        noting.notes = () -> {
            throw new IllegalStateException("must not be asked");
        };

        Deployment d = deploy(false, false);

        assertThat(d.status()).isEqualTo(Deployment.Status.NOTHING_TO_DO);
        assertThat(noting.asked).isZero();
    }
}
