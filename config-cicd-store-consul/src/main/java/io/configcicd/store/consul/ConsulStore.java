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
 * writes with {@link ConsulWriter} through {@code /v1/txn}. Names and sizes are checked ({@link ConsulKeys}) at plan
 * time ({@link #planNotes}), and again before any write. The indexes of the last read are kept so that an apply planned on it needs no second read.
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
     * At plan time: refuses names Consul rejects and values above its {@code kv_max_value_size}
     * ({@link ConsulKeys#check}), and says when the plan takes several transactions, which readers may see half
     * applied. Uses the state of the last {@link #read()} when it is {@code live} (no request).
     */
    @Override
    public List<String> planNotes(StoreState live, StoreState desired) {
        keys.check(desired.content());
        if (live.sameAs(desired)) {
            return List.of();
        }
        int n = transactions(desired, live);
        return n == 1 ? List.of() : List.of("applied in " + n + " transactions: readers may see a mix for a moment"
                + " (use layout: document, or at most " + settings.contentOpsPerTxn() + " changed keys, for an atomic"
                + " switch)");
    }

    /** The sentence a plan shows about its transactions ("applied in N transactions: readers may see a mix"). */
    String transactionNote(StoreState desired) {
        ConsulSnapshot at = lastRead.orElseGet(this::snapshot);
        List<String> notes = planNotes(at.state(), desired);
        return notes.isEmpty() ? "applied in one transaction (atomic)" : notes.get(0);
    }

    private int transactions(StoreState desired, StoreState live) {
        ConsulSnapshot at = lastRead.filter(s -> s.state().sameAs(live)).orElseGet(this::snapshot);
        return writer.batches(writer.contentOps(desired.content(), at)).size();
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
