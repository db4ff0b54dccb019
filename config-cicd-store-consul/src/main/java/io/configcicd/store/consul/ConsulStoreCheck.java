package io.configcicd.store.consul;

import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreCheck.Step;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.kiwiproject.consul.ConsulException;

/**
 * {@code test-stores} for a consul target: reachable with a leader elected ({@code /v1/status/leader}), the token
 * valid ({@code /v1/acl/token/self}, skipped without a token or when ACLs are off), the prefix readable, and
 * writable: one transaction that sets and deletes a probe key under the prefix, so no reader ever sees it.
 */
final class ConsulStoreCheck {

    static final String PROBE = ".config-cicd-probe";

    private final TargetSpec spec;
    private final ConsulSettings settings;
    private final ConsulClients clients;
    private final Clock clock;
    private final Supplier<StoreState> read;

    ConsulStoreCheck(TargetSpec spec, ConsulSettings settings, ConsulClients clients, Clock clock,
                     Supplier<StoreState> read) {
        this.spec = spec;
        this.settings = settings;
        this.clients = clients;
        this.clock = clock;
        this.read = read;
    }

    StoreCheck run() {
        Instant start = clock.instant();
        Step reachable = leader();
        if (reachable.status() == StoreCheck.Status.FAILED) {
            Step skipped = Step.skipped("consul is not reachable");
            return new StoreCheck(spec.name(), reachable, skipped, skipped, skipped, since(start));
        }
        Step auth = token();
        Step canRead = canRead();
        Step canWrite = canWrite();
        return new StoreCheck(spec.name(), reachable, auth, canRead, canWrite, since(start));
    }

    private Step leader() {
        try {
            String leader = clients.consul().statusClient().getLeader();
            return leader == null || leader.isBlank() ? Step.failed("consul at " + settings.maskedUrl()
                    + " answers but has no cluster leader") : Step.ok("leader " + leader);
        } catch (RuntimeException e) {
            return Step.failed(ConsulErrors.translate(spec.name(), settings.maskedUrl(), "asking for the leader", e)
                    .problem());
        }
    }

    private Step token() {
        if (settings.token().isEmpty()) {
            return Step.skipped("no token: requests are anonymous");
        }
        try {
            clients.consul().aclClient().readSelfToken();
            return Step.ok("token valid");
        } catch (ConsulException e) {
            String text = Optional.ofNullable(e.getMessage()).orElse("").toLowerCase(Locale.ROOT);
            if (text.contains("acl support disabled")) {
                return Step.skipped("ACLs are off on this cluster");
            }
            return Step.failed(ConsulErrors.translate(spec.name(), settings.maskedUrl(), "reading the token", e)
                    .problem());
        } catch (RuntimeException e) {
            return Step.failed(ConsulErrors.translate(spec.name(), settings.maskedUrl(), "reading the token", e)
                    .problem());
        }
    }

    private Step canRead() {
        try {
            read.get();
            return Step.ok();
        } catch (StoreException e) {
            return Step.failed(e.problem());
        }
    }

    private Step canWrite() {
        String probe = settings.prefix() + PROBE;
        List<ConsulTxn.Op> ops = List.of(ConsulTxn.Op.set(probe, ""), ConsulTxn.Op.delete(probe));
        try {
            ConsulTxn.Outcome o = new ConsulTxn(clients.http(), settings).run(ops, "writing a probe");
            return o.applied() ? Step.ok("set and deleted " + probe + " in one transaction")
                    : Step.failed("consul refused the probe: " + ConsulErrors.describe(o.errors(), ops));
        } catch (StoreException e) {
            return Step.failed(e.problem());
        }
    }

    private Duration since(Instant start) {
        Duration d = Duration.between(start, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
