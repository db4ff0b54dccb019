package io.configcicd.store.consul;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A consul target (ARCHITECTURE 3a): {@code keys} as one key per leaf under {@code prefix}, {@code document} as
 * {@code prefix + data}, the deployed record as JSON at {@code record_key}. Reads with consul-client (two GETs),
 * writes with {@link ConsulWriter} through {@code /v1/txn}. Names and sizes are checked ({@link ConsulKeys}) before
 * any request. The indexes of the last read are kept so that an apply planned on it needs no second read.
 */
final class ConsulStore implements ConfigStore {

    private final TargetSpec spec;
    private final ConsulSettings settings;
    private final ConsulClients clients;
    private final ConsulKeys keys;
    private final ConsulWriter writer;
    private final Clock clock;
    private Optional<ConsulSnapshot> lastRead = Optional.empty();

    ConsulStore(TargetSpec spec, ConsulSettings settings, ConsulClients clients, Clock clock) {
        this.spec = spec;
        this.settings = settings;
        this.clients = clients;
        this.keys = new ConsulKeys(spec.name(), settings.prefix());
        this.writer = new ConsulWriter(settings, keys, new ConsulTxn(clients.http(), settings));
        this.clock = clock;
    }

    @Override
    public TargetSpec spec() {
        return spec;
    }

    @Override
    public StoreState read() {
        return snapshot().state();
    }

    private ConsulSnapshot snapshot() {
        try {
            ConsulSnapshot s = ConsulSnapshot.read(clients.consul().keyValueClient(), settings, spec, keys);
            lastRead = Optional.of(s);
            return s;
        } catch (RuntimeException e) {
            lastRead = Optional.empty();
            throw ConsulErrors.translate(spec.name(), settings.maskedUrl(), "reading " + settings.prefix(), e);
        }
    }

    @Override
    public void apply(StoreState desired, StoreState expected) {
        if (desired.content().layout() != spec.layout()) {
            throw new IllegalArgumentException("content of layout " + desired.content().layout().word()
                    + " for a " + spec.layout().word() + " target");
        }
        keys.check(desired.content());
        ConsulSnapshot live = lastRead.filter(s -> s.state().sameAs(expected)).orElseGet(this::snapshot);
        if (!live.state().sameAs(expected)) {
            throw StoreException.conflict(spec.name(), "it no longer holds the content and record the plan read");
        }
        if (live.state().sameAs(desired)) {
            return;
        }
        List<ConsulWriter.Batch> batches = writer.batches(writer.contentOps(desired.content(), live));
        lastRead = Optional.empty();
        writer.write(batches, writer.recordOp(desired, live.recordIndex()), live);
    }

    /**
     * How many transactions writing {@code desired} over what was last read takes, and what that means for readers:
     * the sentence a plan should show ("applied in N transactions: readers may see a mix for a moment").
     */
    String transactionNote(StoreState desired) {
        ConsulSnapshot live = lastRead.orElseGet(this::snapshot);
        int n = writer.batches(writer.contentOps(desired.content(), live)).size();
        return n == 1 ? "applied in one transaction (atomic)" : "applied in " + n + " transactions: readers may see a"
                + " mix for a moment (layout: document, or at most " + settings.contentOpsPerTxn()
                + " changed keys, is atomic)";
    }

    @Override
    public StoreCheck check() {
        return new ConsulStoreCheck(spec, settings, clients, clock, this::read).run();
    }

    @Override
    public void close() {
        clients.close();
    }
}
