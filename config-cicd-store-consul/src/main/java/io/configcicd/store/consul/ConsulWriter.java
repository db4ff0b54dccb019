package io.configcicd.store.consul;

import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreException.Reason;
import io.configcicd.core.store.StoreJson;
import io.configcicd.core.store.StoreState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Writes a desired state over a snapshot through {@code /v1/txn}, every operation check-and-set: {@code cas} with
 * the {@code ModifyIndex} the plan read, {@code cas} index 0 for a key that must not exist yet, {@code delete-cas}
 * for exactly the entries the target held and the configuration no longer has (never a recursive delete). A plan of
 * at most {@code max_txn_ops - 1} changes (and {@code max_txn_bytes}) is one transaction with the record's own
 * {@code cas}, atomic for readers; a larger one is several, in order, and is not: the first also checks the deployed
 * record ({@code check-index}, {@code check-not-exists}), the last writes it, the others are content only, so a
 * plan of N changes takes ceil((N + 2) / max_txn_ops) transactions. A concurrent writer is caught in any of them
 * (every content operation is check-and-set); when one fails, those already applied are put back, last first.
 */
final class ConsulWriter {

    /** One transaction of a plan: its content operations (the record operation is added when it runs). */
    record Batch(List<ConsulTxn.Op> ops) {
        Batch {
            ops = List.copyOf(ops);
        }
    }

    /** Bytes of a request body besides its operations. */
    private static final int BODY_SLACK = 256;
    /** About the size of a deployed record's JSON (commit, id, SHA-256, time). */
    private static final int RECORD_BYTES = 320;

    private final ConsulSettings settings;
    private final ConsulKeys keys;
    private final ConsulTxn txn;

    ConsulWriter(ConsulSettings settings, ConsulKeys keys, ConsulTxn txn) {
        this.settings = settings;
        this.keys = keys;
        this.txn = txn;
    }

    /** The content operations that take {@code live} to {@code desired}, in key order, deletes last. */
    List<ConsulTxn.Op> contentOps(StoreContent desired, ConsulSnapshot live) {
        List<ConsulTxn.Op> sets = new ArrayList<>();
        List<ConsulTxn.Op> deletes = new ArrayList<>();
        if (desired instanceof StoreContent.Document d) {
            Optional<ConsulSnapshot.Located> at = Optional.ofNullable(live.entries().get(keys.documentKey()));
            if (d.isEmpty()) {
                at.ifPresent(l -> deletes.add(ConsulTxn.Op.deleteCas(l.key(), l.modifyIndex())));
            } else if (!live.state().content().equals(d) || at.isEmpty()) {
                sets.add(ConsulTxn.Op.cas(keys.documentKey(), d.text(), at.map(ConsulSnapshot.Located::modifyIndex)
                        .orElse(0L)));
            }
        } else {
            SortedMap<String, String> want = ((StoreContent.Keys) desired).entries();
            Map<String, String> have = live.state().content() instanceof StoreContent.Keys k ? k.entries() : Map.of();
            for (Map.Entry<String, String> e : want.entrySet()) {
                ConsulSnapshot.Located at = live.entries().get(e.getKey());
                if (at == null) {
                    sets.add(ConsulTxn.Op.cas(keys.key(e.getKey()), e.getValue(), 0));
                } else if (!e.getValue().equals(have.get(e.getKey()))) {
                    sets.add(ConsulTxn.Op.cas(at.key(), e.getValue(), at.modifyIndex()));
                }
            }
            live.entries().forEach((entry, at) -> {
                if (!want.containsKey(entry)) {
                    deletes.add(ConsulTxn.Op.deleteCas(at.key(), at.modifyIndex()));
                }
            });
        }
        sets.addAll(deletes);
        return sets;
    }

    /**
     * The transactions of a plan, each at most {@code max_txn_ops} operations and {@code max_txn_bytes}: one
     * transaction (atomic) when the content operations and the record's {@code cas} fit in one; otherwise the first
     * also checks the record ({@code check-index}), the last writes it, and every other one is content only, packed
     * full. Every content operation is check-and-set, so a concurrent writer of our keys is caught in any of them.
     */
    List<Batch> batches(List<ConsulTxn.Op> ops) {
        ConsulTxn.Op check = recordSlot();
        ConsulTxn.Op write = recordSlot();
        List<ConsulTxn.Op> alone = new ArrayList<>(ops);
        alone.add(write);
        if (pack(alone, settings.maxTxnOps()).size() == 1) {
            return List.of(new Batch(ops));
        }
        List<ConsulTxn.Op> all = new ArrayList<>(ops.size() + 2);
        all.add(check);
        all.addAll(ops);
        all.add(write);
        List<Batch> out = new ArrayList<>();
        for (List<ConsulTxn.Op> packed : pack(all, settings.maxTxnOps())) {
            out.add(new Batch(packed.stream().filter(op -> op != check && op != write).toList()));
        }
        return out;
    }

    /** Packs operations in order, at most {@code perTxn} and {@code max_txn_bytes} (with room to spare) in each. */
    private List<List<ConsulTxn.Op>> pack(List<ConsulTxn.Op> ops, int perTxn) {
        List<List<ConsulTxn.Op>> out = new ArrayList<>();
        List<ConsulTxn.Op> current = new ArrayList<>();
        int bytes = BODY_SLACK;
        for (ConsulTxn.Op op : ops) {
            if (!current.isEmpty() && (current.size() == perTxn
                    || bytes + op.estimatedBytes() > settings.maxTxnBytes())) {
                out.add(current);
                current = new ArrayList<>();
                bytes = BODY_SLACK;
            }
            current.add(op);
            bytes += op.estimatedBytes();
        }
        if (!current.isEmpty() || out.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** Stands for the record's operation while packing: about the size of its {@code cas} with the record's JSON. */
    private ConsulTxn.Op recordSlot() {
        return ConsulTxn.Op.cas(settings.recordKey(), " ".repeat(RECORD_BYTES), 0);
    }

    /** The operation on the record in the last transaction: its {@code cas}, or its {@code delete-cas}. */
    ConsulTxn.Op recordOp(StoreState desired, long recordIndex) {
        return desired.record()
                .map(r -> ConsulTxn.Op.cas(settings.recordKey(), new String(StoreJson.writeRecord(r),
                        StandardCharsets.UTF_8), recordIndex))
                .orElseGet(() -> recordIndex == 0 ? ConsulTxn.Op.check(settings.recordKey(), 0)
                        : ConsulTxn.Op.deleteCas(settings.recordKey(), recordIndex));
    }

    /** Runs the batches in order; on a failure restores the applied ones (last first) and throws. */
    void write(List<Batch> batches, ConsulTxn.Op recordOp, ConsulSnapshot live) {
        long recordIndex = live.recordIndex();
        Map<String, String> old = oldValues(live);
        List<Applied> applied = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            boolean last = i == batches.size() - 1;
            List<ConsulTxn.Op> ops = new ArrayList<>(batches.get(i).ops());
            if (i == 0 && !last) {
                ops.add(0, ConsulTxn.Op.check(settings.recordKey(), recordIndex));
            }
            if (last) {
                ops.add(recordOp);
            }
            String doing = batches.size() == 1 ? "writing (one transaction)"
                    : "writing transaction " + (i + 1) + " of " + batches.size();
            ConsulTxn.Outcome outcome;
            try {
                outcome = txn.run(ops, doing);
            } catch (StoreException e) {
                String unknown = e.reason() == Reason.UNAVAILABLE && batches.size() > 1
                        ? " (whether Consul applied this transaction is unknown)" : "";
                throw afterFailure(applied, old, recordIndex, batches.size(), e.reason(), e.problem()
                        .replaceFirst("^target " + settings.target() + ": ", "") + unknown, i);
            }
            if (!outcome.applied()) {
                Reason reason = ConsulErrors.permissionDenied(outcome.errors()) ? Reason.UNAUTHORIZED : Reason.CONFLICT;
                // a failed cas is the same event as the other stores' conflict: said in the same words
                String changed = reason == Reason.CONFLICT ? "target changed since plan: " : "";
                throw afterFailure(applied, old, recordIndex, batches.size(), reason, changed + "consul rolled back "
                        + doing + ": " + ConsulErrors.describe(outcome.errors(), ops), i);
            }
            applied.add(new Applied(batches.get(i), outcome.modifyIndexes()));
        }
    }

    private record Applied(Batch batch, Map<String, Long> newIndexes) {
    }

    private StoreException afterFailure(List<Applied> applied, Map<String, String> old, long recordIndex, int total, Reason reason,
                                        String problem, int failedAt) {
        String atomic = total == 1 ? "" : " (the plan was applied in " + total
                + " transactions: readers may see a mix for a moment; layout: document, or fewer keys, is atomic)";
        if (applied.isEmpty()) {
            return new StoreException(reason, settings.target(), problem + "; nothing was written" + atomic,
                    hint(reason));
        }
        List<String> failedRestores = new ArrayList<>();
        for (int j = applied.size() - 1; j >= 0; j--) {
            List<ConsulTxn.Op> undo = new ArrayList<>(undo(applied.get(j), old));
            if (undo.size() < settings.maxTxnOps()) {
                undo.add(ConsulTxn.Op.check(settings.recordKey(), recordIndex));
            }
            try {
                ConsulTxn.Outcome o = txn.run(undo, "restoring transaction " + (j + 1) + " of " + total);
                if (!o.applied()) {
                    failedRestores.add((j + 1) + " (" + ConsulErrors.describe(o.errors(), undo) + ")");
                }
            } catch (StoreException e) {
                failedRestores.add((j + 1) + " (" + e.problem() + ")");
            }
        }
        String which = "transaction " + (failedAt + 1) + " of " + total + " failed: " + problem;
        if (failedRestores.isEmpty()) {
            return new StoreException(reason, settings.target(), which + "; the " + applied.size()
                    + " transaction(s) applied before it were restored: the target holds its old content" + atomic,
                    hint(reason));
        }
        return new StoreException(Reason.UNAVAILABLE, settings.target(), which + "; restoring the transactions"
                + " applied before it failed for " + String.join(", ", failedRestores)
                + ": the target holds a MIX of old and new content" + atomic,
                "run the deploy again, or roll back to the journal's previous content");
    }

    /** The operations that put one applied transaction back: old values with cas on the new indexes. */
    private static List<ConsulTxn.Op> undo(Applied a, Map<String, String> old) {
        List<ConsulTxn.Op> out = new ArrayList<>();
        for (ConsulTxn.Op op : a.batch().ops()) {
            long now = a.newIndexes().getOrDefault(op.key(), 0L);
            String before = old.getOrDefault(op.key(), "");
            if (op.verb().equals("delete-cas")) {
                out.add(ConsulTxn.Op.cas(op.key(), before, 0));
            } else if (op.index() == 0) {
                out.add(ConsulTxn.Op.deleteCas(op.key(), now));
            } else {
                out.add(ConsulTxn.Op.cas(op.key(), before, now));
            }
        }
        return out;
    }

    /** The value each key held when the plan read it, by Consul key. */
    private static Map<String, String> oldValues(ConsulSnapshot live) {
        Map<String, String> byKey = new HashMap<>();
        StoreContent content = live.state().content();
        live.entries().forEach((entry, at) -> {
            if (content instanceof StoreContent.Keys k) {
                byKey.put(at.key(), k.entries().get(entry));
            } else if (content instanceof StoreContent.Document d) {
                byKey.put(at.key(), d.text());
            }
        });
        return byKey;
    }

    private static String hint(Reason reason) {
        return switch (reason) {
            case CONFLICT -> "another deploy or a hand edit changed the target; run the deploy again to plan against"
                    + " what it holds now";
            case TOO_LARGE -> "lower max_txn_ops or max_txn_bytes of the target to the servers' max_txn_ops and"
                    + " txn_max_req_len";
            case UNAUTHORIZED -> "give the token a policy with write on the prefix and on the record key";
            default -> "check the consul agent; run the deploy again once it answers";
        };
    }
}
