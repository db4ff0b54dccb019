package io.configcicd.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.event.EventSink;
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
import io.configcicd.core.store.Verification;
import io.configcicd.core.store.file.FileStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on real file targets: all or nothing, restore, guardrails, validation, journal, rollback, secrets. */
class DeployEngineTest {

    private static final String SECRET = "resolved-Secret-9876";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

    /** A file target whose writes fail from the {@link #failFrom}-th on (counted from 0; -1: never). */
    static final class FlakyProvider implements StoreProvider {
        final AtomicInteger failFrom = new AtomicInteger(-1);
        final AtomicInteger applies = new AtomicInteger();
        /** When set, another writer changes the target just before the next apply (once). */
        final java.util.concurrent.atomic.AtomicBoolean interfere = new java.util.concurrent.atomic.AtomicBoolean();
        private final FileStoreProvider files = new FileStoreProvider();

        @Override
        public String type() {
            return "flaky";
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

                public void apply(StoreState desired, StoreState expected) {
                    if (interfere.getAndSet(false)) {
                        StoreState now = real.read();
                        real.apply(new StoreState(io.configcicd.core.store.StoreContent.Keys.of(Map.of("other", "writer")),
                                Optional.empty()), now);
                    }
                    int n = applies.getAndIncrement();
                    if (failFrom.get() >= 0 && n >= failFrom.get()) {
                        throw new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), "connection refused",
                                "start the store");
                    }
                    real.apply(desired, expected);
                }

                public Verification verify(StoreState desired) {
                    return real.verify(desired);
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
    private final FlakyProvider flaky = new FlakyProvider();

    @BeforeEach
    void configuration() throws Exception {
        config = tmp.resolve("configuration");
        Files.createDirectories(config.resolve("global"));
        Files.createDirectories(config.resolve("environments"));
        Files.writeString(config.resolve("global/base.yaml"), "app:\n  name: demo\n  workers: 4\n  foo_bar: 1\n"
                + "  foo_bar_v2: 2\n  level: INFO\ndb:\n  password: ${DB_PASSWORD}\n");
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 8\n");
        settings("");
    }

    private void settings(String more) throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [first, second]}\n"
                + "targets:\n  first: {type: file, path: out/first}\n  second: {type: flaky, path: out/second}\n"
                + more);
    }

    private Deployment deploy(boolean force, String... only) {
        return engine().deploy(input(false, force, Map.of("DB_PASSWORD", SECRET), only));
    }

    private DeployEngine engine() {
        return new DeployEngine(StoreProviders.of(List.of(new FileStoreProvider(), flaky)), CLOCK, Runnable::run,
                EventSink.NONE);
    }

    private DeployInput input(boolean dryRun, boolean force, Map<String, String> env, String... only) {
        DirectorySnapshot snapshot = DirectorySnapshot.of(ConfigDirectory.open(config, Codecs.standard(), Runnable::run));
        return new DeployInput(config, tmp, snapshot, "abc123", "", "dev", List.of(only), Optional.empty(), "tester",
                dryRun, force, env, OutputMasker.none());
    }

    private String read(String target) throws Exception {
        Path file = tmp.resolve("out/" + target + "/dev.json");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void aDeployWritesEveryTargetAndAJournalAndASecondWritesNothing() throws Exception {
        Deployment first = deploy(false);
        assertThat(first.status()).isEqualTo(Deployment.Status.APPLIED);
        assertThat(first.targets()).extracting(TargetResult::status).containsOnly(TargetStatus.APPLIED);
        assertThat(read("second")).contains("\"app.workers\": \"8\"");
        assertThat(config.resolve(first.journal().orElseThrow())).exists();

        Deployment second = deploy(false);
        assertThat(second.status()).isEqualTo(Deployment.Status.NOTHING_TO_DO);
        assertThat(second.journal()).isEmpty();
    }

    @Test
    void whenTheSecondTargetFailsTheFirstIsRestoredAndTheJournalSaysSo() throws Exception {
        deploy(false);
        String before = read("first");
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 16\n");
        flaky.applies.set(0);
        flaky.failFrom.set(0);

        Deployment d = deploy(false);

        assertThat(d.status()).isEqualTo(Deployment.Status.FAILED);
        assertThat(d.failure()).contains(ErrorKind.EXTERNAL);
        assertThat(d.targets()).extracting(TargetResult::status)
                .containsExactly(TargetStatus.RESTORED, TargetStatus.FAILED);
        assertThat(read("first")).isEqualTo(before);
        String journal = Files.readString(config.resolve(d.journal().orElseThrow()));
        assertThat(journal).contains("\"status\" : \"failed\"").contains("\"status\" : \"restored\"");
    }

    @Test
    void aRestoreThatFailsIsReportedAsRestoreFailedAndTheTargetKeepsTheNewContent() throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [first, second]}\n"
                + "targets:\n  first: {type: flaky, path: out/first}\n  second: {type: flaky, path: out/second}\n");
        deploy(false);
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 16\n");
        flaky.applies.set(0);
        flaky.failFrom.set(1);

        Deployment d = deploy(false);

        assertThat(d.failure()).contains(ErrorKind.EXTERNAL);
        assertThat(d.targets()).extracting(TargetResult::status)
                .containsExactly(TargetStatus.RESTORE_FAILED, TargetStatus.FAILED);
        assertThat(d.targets().get(0).detail()).startsWith("RESTORE FAILED").contains("rollback");
        assertThat(read("first")).contains("\"app.workers\": \"16\"");
        assertThat(Files.readString(config.resolve(d.journal().orElseThrow()))).contains("restore-failed");
    }

    @Test
    void removingAKeyDeletesExactlyThatEntryNeverOneWithTheSameBeginning() throws Exception {
        deploy(false);
        Files.writeString(config.resolve("global/base.yaml"), Files.readString(config.resolve("global/base.yaml"))
                .replace("  foo_bar: 1\n", ""));
        Deployment d = deploy(false);
        assertThat(d.targets().get(1).plan().names(EntryChange.Kind.DELETED)).containsExactly("app.foo_bar");
        assertThat(read("second")).contains("app.foo_bar_v2").doesNotContain("\"app.foo_bar\"");
    }

    @Test
    void aPlanChangingMoreThanTheRatioIsRefusedUnlessForced() throws Exception {
        deploy(false);
        settings("deploy: {max_change_ratio: 0.1}\n");
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 9\n  level: WARN\n");
        Deployment refused = deploy(false);
        assertThat(refused.status()).isEqualTo(Deployment.Status.REFUSED);
        assertThat(refused.failure()).contains(ErrorKind.FINDINGS);
        assertThat(refused.refusals()).extracting(Refusal::rule).contains(Refusal.MAX_CHANGE_RATIO);
        assertThat(read("second")).contains("\"app.workers\": \"8\"");

        Deployment forced = deploy(true);
        assertThat(forced.status()).isEqualTo(Deployment.Status.APPLIED);
        assertThat(forced.overridden()).extracting(Refusal::rule).contains(Refusal.MAX_CHANGE_RATIO);
    }

    @Test
    void protectedKeysNeedForceOnceATargetHoldsContent() throws Exception {
        settings("deploy: {protected_keys: [\"app.level\"]}\n");
        assertThat(deploy(false).status()).isEqualTo(Deployment.Status.APPLIED);
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 8\n  level: WARN\n");
        Deployment d = deploy(false);
        assertThat(d.refusals()).extracting(Refusal::rule).containsOnly(Refusal.PROTECTED_KEYS);
    }

    @Test
    void validationFindingsRefuseEvenWithForceAndWriteNothing() throws Exception {
        settings("rules:\n  - {id: level, type: enum, path: app.level, values: [INFO, WARN]}\n");
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  level: LOUD\n");
        Deployment d = deploy(true);
        assertThat(d.status()).isEqualTo(Deployment.Status.REFUSED);
        assertThat(d.refusals()).extracting(Refusal::rule).containsExactly(Refusal.VALIDATION);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aDryRunWritesNothingAndShowsDriftAfterAHandEdit() throws Exception {
        deploy(false);
        Path file = tmp.resolve("out/first/dev.json");
        Files.writeString(file, Files.readString(file).replace("demo", "edited"));
        String content = read("first");
        String record = Files.readString(tmp.resolve("out/first/dev.meta.json"));

        Deployment d = engine().deploy(input(true, false, Map.of("DB_PASSWORD", SECRET)));

        assertThat(d.status()).isEqualTo(Deployment.Status.DRY_RUN);
        assertThat(d.targets().get(0).plan().drift()).isTrue();
        assertThat(d.targets().get(1).plan().drift()).isFalse();
        assertThat(read("first")).isEqualTo(content);
        assertThat(Files.readString(tmp.resolve("out/first/dev.meta.json"))).isEqualTo(record);
    }

    @Test
    void aStoreRollbackPutsTheTargetsBackAndIsItselfJournaled() throws Exception {
        deploy(false);
        String before = read("second");
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 16\n");
        Deployment d = deploy(false);
        assertThat(read("second")).contains("\"app.workers\": \"16\"");

        DeployEngine engine = engine();
        Deployment back = new StoreRollback(engine).rollback(input(false, false, Map.of()), d.id());

        assertThat(back.status()).isEqualTo(Deployment.Status.APPLIED);
        assertThat(back.rollbackOf()).contains(d.id());
        assertThat(read("second")).isEqualTo(before);
        assertThat(config.resolve(back.journal().orElseThrow())).exists();
    }

    @Test
    void aStoreRollbackIsRefusedWhenTheTargetMovedOnUnlessForced() throws Exception {
        Deployment d = deploy(false);
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 16\n");
        deploy(false);
        Deployment refused = new StoreRollback(engine()).rollback(input(false, false, Map.of()), d.id());
        assertThat(refused.status()).isEqualTo(Deployment.Status.REFUSED);
        assertThat(refused.refusals()).extracting(Refusal::rule).contains(Refusal.MOVED_ON);
    }

    @Test
    void resolvedSecretsReachTheStoreButNeverThePlanTheJournalOrTheEvents() throws Exception {
        settings("");
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [first]}\n"
                + "targets:\n  first: {type: file, path: out/first, layout: keys, secrets: resolve}\n");
        deploy(false);
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 16\n");
        EventSink.Recording events = EventSink.recording();
        DeployEngine engine = new DeployEngine(StoreProviders.of(List.of(new FileStoreProvider(), flaky)), CLOCK,
                Runnable::run, events);
        Deployment d = engine.deploy(input(false, false, Map.of("DB_PASSWORD", SECRET)));

        assertThat(read("first")).contains(SECRET);
        assertThat(d.toString()).doesNotContain(SECRET);
        assertThat(Files.readString(config.resolve(d.journal().orElseThrow()))).doesNotContain(SECRET)
                .contains("\"withheld\" : [ \"db.password\" ]");
        assertThat(events.events().toString()).doesNotContain(SECRET);
        assertThat(engine.masker().mask("x " + SECRET)).isEqualTo("x ******");
        Deployment back = new StoreRollback(engine()).rollback(input(false, false, Map.of()), d.id());
        assertThat(back.refusals()).extracting(Refusal::rule).containsExactly(Refusal.WITHHELD);
    }

    @Test
    void aWriterThatChangesATargetBetweenPlanAndApplyFailsTheDeployCleanlyAndTheOthersAreRestored() throws Exception {
        deploy(false);
        String before = read("first");
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 16\n");
        flaky.interfere.set(true);

        Deployment d = deploy(false);

        assertThat(d.failure()).contains(ErrorKind.EXTERNAL);
        assertThat(d.targets().get(1).status()).isEqualTo(TargetStatus.FAILED);
        assertThat(d.targets().get(1).detail()).contains("target changed since plan");
        assertThat(d.targets().get(0).status()).isEqualTo(TargetStatus.RESTORED);
        assertThat(read("first")).isEqualTo(before);
        assertThat(read("second")).contains("\"other\": \"writer\"");
    }
    @Test
    void aValueResolvedForATargetGoesToTheMaskSinkOnceBeforeAnyEventOfThatTarget() throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [first, second]}\n"
                + "targets:\n  first: {type: file, path: out/first, secrets: resolve}\n"
                + "  second: {type: file, path: out/second, secrets: resolve}\n");
        List<String> seen = new java.util.ArrayList<>();
        DeployEngine engine = new DeployEngine(StoreProviders.of(List.of(new FileStoreProvider())), CLOCK,
                Runnable::run, event -> seen.add("event " + event), values -> seen.add("masks " + values));

        engine.deploy(input(false, false, Map.of("DB_PASSWORD", SECRET)));

        assertThat(seen).filteredOn(l -> l.startsWith("masks ")).containsExactly("masks [" + SECRET + "]");
        int masks = seen.indexOf("masks [" + SECRET + "]");
        int firstRead = seen.stream().filter(l -> l.contains("read:")).findFirst().map(seen::indexOf).orElseThrow();
        assertThat(masks).isLessThan(firstRead);
        assertThat(read("first")).contains(SECRET);
    }

    @Test
    void aValueTheCallerAlreadyMasksIsNotHandedToTheMaskSinkAgain() throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [first]}\n"
                + "targets:\n  first: {type: file, path: out/first, secrets: resolve}\n");
        List<List<String>> handed = new java.util.ArrayList<>();
        DeployEngine engine = new DeployEngine(StoreProviders.of(List.of(new FileStoreProvider(), flaky)), CLOCK,
                Runnable::run, EventSink.NONE, handed::add);
        DirectorySnapshot snapshot = DirectorySnapshot.of(ConfigDirectory.open(config, Codecs.standard(), Runnable::run));
        OutputMasker known = OutputMasker.builder(new io.configcicd.core.security.SecretMasker(
                snapshot.settings().secretKeys())).addValue(SECRET).build();

        engine.deploy(new DeployInput(config, tmp, snapshot, "abc123", "", "dev", List.of(), Optional.empty(), "tester",
                false, false, Map.of("DB_PASSWORD", SECRET), known));

        assertThat(handed).isEmpty();
        assertThat(read("first")).contains(SECRET);
    }
}
