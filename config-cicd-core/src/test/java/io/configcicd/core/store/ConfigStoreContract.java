package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ErrorKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every {@link ConfigStore} promises, whatever its backend. A store's test extends this class and
 * opens its store in {@link #open(Layout)}; it is published in core's test-jar so that the store modules
 * ({@code config-cicd-store-redis}, ...) run the same checks against their real or doubled servers.
 */
public abstract class ConfigStoreContract {

    protected static final Instant DEPLOYED_AT = Instant.parse("2026-01-02T03:04:05Z");

    /**
     * Opens a client of this test's target in the given layout. Every call within one test opens the same target,
     * empty at the start of the test; two calls are two clients, as two deploys on two runners would be.
     */
    protected abstract ConfigStore open(Layout layout);

    protected static StoreContent contentA(Layout layout) {
        return layout == Layout.KEYS
                ? StoreContent.Keys.of(Map.of("kgot.num_next_steps_decision", "5", "kgot.temperature", "2.5",
                        "alita.languages", "[\"python\",\"javascript\"]", "features.enabled", "true"))
                : new StoreContent.Document("{\n  \"kgot\": {\n    \"num_next_steps_decision\": 5\n  }\n}\n",
                        DocumentFormat.JSON.mediaType());
    }

    protected static StoreContent contentB(Layout layout) {
        return layout == Layout.KEYS
                ? StoreContent.Keys.of(Map.of("kgot.num_next_steps_decision", "6", "models.default", "gpt-4o"))
                : new StoreContent.Document("{\n  \"kgot\": {\n    \"num_next_steps_decision\": 6\n  }\n}\n",
                        DocumentFormat.JSON.mediaType());
    }

    protected static StoreState deployed(StoreContent content, String deploymentId) {
        return StoreState.of(content, DeployedRecord.of(content, "c0ffee" + deploymentId, deploymentId, DEPLOYED_AT));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aTargetNeverWrittenReadsAsEmptyContentWithoutRecord(Layout layout) {
        try (ConfigStore store = open(layout)) {
            StoreState state = store.read();

            assertThat(state.content().isEmpty()).isTrue();
            assertThat(state.content().layout()).isEqualTo(layout);
            assertThat(state.record()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void appliedContentAndRecordReadBackUnchangedThroughAnotherClient(Layout layout) {
        StoreState desired = deployed(contentA(layout), "run-1");
        try (ConfigStore writer = open(layout); ConfigStore reader = open(layout)) {
            writer.apply(desired, writer.read());

            StoreState read = reader.read();
            assertThat(read.content().sha256()).isEqualTo(desired.content().sha256());
            assertThat(read.content()).isEqualTo(desired.content());
            assertThat(read.record()).isEqualTo(desired.record());
            assertThat(read.drifted()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void verifyAfterApplyMatches(Layout layout) {
        StoreState desired = deployed(contentA(layout), "run-1");
        try (ConfigStore store = open(layout)) {
            store.apply(desired, store.read());

            assertThat(store.verify(desired).matches()).isTrue();
            Verification other = store.verify(deployed(contentB(layout), "run-2"));
            assertThat(other.matches()).isFalse();
            assertThat(other.recordMatches()).isFalse();
        }
    }

    @Test
    void verifyOfKeysNamesTheEntriesThatDifferButNoValue() {
        try (ConfigStore store = open(Layout.KEYS)) {
            store.apply(deployed(contentA(Layout.KEYS), "run-1"), store.read());

            Verification v = store.verify(deployed(contentB(Layout.KEYS), "run-2"));

            assertThat(v.differingEntries()).contains("kgot.num_next_steps_decision", "models.default",
                    "kgot.temperature").doesNotContain("6", "gpt-4o");
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void applyAgainstAStaleReadIsAConflictAndKeepsWhatTheOtherWriterWrote(Layout layout) {
        try (ConfigStore first = open(layout); ConfigStore second = open(layout)) {
            StoreState planned = first.read();
            StoreState theirs = deployed(contentB(layout), "run-2");
            second.apply(theirs, second.read());

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> first.apply(deployed(contentA(layout), "run-1"), planned));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
            assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
            assertThat(e.target()).isEqualTo(first.spec().name());
            StoreState now = first.read();
            assertThat(now.content()).isEqualTo(theirs.content());
            assertThat(now.record()).isEqualTo(theirs.record());
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void applyExpectingAnEmptyTargetConflictsOnceSomethingWasDeployed(Layout layout) {
        try (ConfigStore store = open(layout)) {
            StoreState empty = store.read();
            store.apply(deployed(contentA(layout), "run-1"), empty);

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(deployed(contentB(layout), "run-2"), empty));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
            assertThat(store.read().record().map(DeployedRecord::deploymentId)).contains("run-1");
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void applyingTheStateReadBeforeRestoresIt(Layout layout) {
        try (ConfigStore store = open(layout)) {
            store.apply(deployed(contentA(layout), "run-1"), store.read());
            StoreState before = store.read();
            StoreState next = deployed(contentB(layout), "run-2");
            store.apply(next, before);

            store.apply(before, store.read());

            assertThat(store.read().sameAs(before)).isTrue();
            assertThat(store.verify(before).matches()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void applyingTheEmptyStateRemovesContentAndRecord(Layout layout) {
        try (ConfigStore store = open(layout)) {
            StoreState empty = store.read();
            store.apply(deployed(contentA(layout), "run-1"), empty);

            store.apply(empty, store.read());

            StoreState now = store.read();
            assertThat(now.isEmpty()).isTrue();
            assertThat(now.record()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void entryNamesAndValuesWithQuotesNewlinesAndUnicodeRoundTrip() {
        StoreContent odd = StoreContent.Keys.of(Map.of(
                "labels.\"app.kubernetes.io/name\"", "kgot",
                "text.multi", "line one\nline \"two\"\ttabbed",
                "text.unicode", "Grüße, 東京 🚀",
                "text.empty", "",
                "text.backslash", "C:\\temp\\x"));
        try (ConfigStore store = open(Layout.KEYS)) {
            store.apply(deployed(odd, "run-1"), store.read());

            assertThat(store.read().content()).isEqualTo(odd);
        }
    }

    @Test
    void aDocumentWithUnicodeRoundTripsByteForByte() {
        StoreContent doc = new StoreContent.Document("{\n  \"greeting\": \"Grüße 東京 🚀\\n\"\n}\n",
                DocumentFormat.JSON.mediaType());
        try (ConfigStore store = open(Layout.DOCUMENT)) {
            store.apply(deployed(doc, "run-1"), store.read());

            assertThat(store.read().content().sha256()).isEqualTo(doc.sha256());
        }
    }

    @Test
    void aHandEditOfTheContentShowsAsDriftAgainstTheRecord() {
        try (ConfigStore store = open(Layout.KEYS)) {
            StoreState desired = deployed(contentA(Layout.KEYS), "run-1");
            store.apply(desired, store.read());
            StoreState edited = new StoreState(contentB(Layout.KEYS), desired.record());
            store.apply(edited, store.read());

            assertThat(store.read().drifted()).isTrue();
        }
    }

    @Test
    void checkOfAWorkingTargetPassesEveryStepAndLeavesTheContentAlone() {
        try (ConfigStore store = open(Layout.DOCUMENT)) {
            StoreState desired = deployed(contentA(Layout.DOCUMENT), "run-1");
            store.apply(desired, store.read());

            StoreCheck check = store.check();

            assertThat(check.passed()).as("%s", check).isTrue();
            assertThat(check.target()).isEqualTo(store.spec().name());
            assertThat(check.reachable().status()).isEqualTo(StoreCheck.Status.OK);
            assertThat(check.canRead().status()).isEqualTo(StoreCheck.Status.OK);
            assertThat(check.canWrite().status()).isEqualTo(StoreCheck.Status.OK);
            assertThat(check.latency().isNegative()).isFalse();
            assertThat(store.read().sameAs(desired)).isTrue();
        }
    }
}
