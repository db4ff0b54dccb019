package io.configcicd.core.store;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A target's content and the record of the deploy that wrote it: what {@link ConfigStore#read()} returns, what
 * {@link ConfigStore#apply} is given to write, and what it checks the target still holds before it writes.
 * A target that does not exist is {@link #empty(Layout)}: empty content, no record. The record may be absent
 * while content exists (written by hand or by another tool), and may disagree with the content (drift).
 *
 * <p>{@link #secretEntries()} tells a store which entries of a {@link Layout#KEYS} content hold secrets, for a store
 * that keeps them apart (a Kubernetes target with {@code secrets: resolve} writes them to a Secret, the others to
 * the ConfigMap). It is no part of the content: not in {@link StoreContent#sha256()}, not in {@link #sameAs}, never
 * printed. Empty means "not told": a store that keeps secrets apart must then treat every entry as a secret.
 *
 * @param secretEntries the names of the entries that hold secrets (a subset of the content's entry names), when known
 */
public record StoreState(StoreContent content, Optional<DeployedRecord> record, Optional<Set<String>> secretEntries) {

    public StoreState {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(record, "record");
        secretEntries = Objects.requireNonNull(secretEntries, "secretEntries").map(Set::copyOf);
    }

    /** A state whose secret entries are not told (a store that keeps secrets apart treats every entry as one). */
    public StoreState(StoreContent content, Optional<DeployedRecord> record) {
        this(content, record, Optional.empty());
    }

    /** The same state, telling which entries hold secrets. */
    public StoreState withSecretEntries(Optional<Set<String>> entries) {
        return new StoreState(content, record, entries);
    }

    public static StoreState empty(Layout layout) {
        return new StoreState(StoreContent.empty(layout), Optional.empty(), Optional.empty());
    }

    public static StoreState of(StoreContent content, DeployedRecord record) {
        return new StoreState(content, Optional.of(record), Optional.empty());
    }

    /** Whether the target holds nothing and records nothing. */
    public boolean isEmpty() {
        return content.isEmpty() && record.isEmpty();
    }

    /**
     * Whether both hold the same content (by hash) and the same record: what check-and-set compares. Which entries
     * are secrets is not compared.
     */
    public boolean sameAs(StoreState other) {
        return content.layout() == other.content.layout() && content.sha256().equals(other.content.sha256())
                && record.equals(other.record);
    }

    /** Whether the content differs from what the record says was deployed (someone edited the store). */
    public boolean drifted() {
        return record.map(r -> !r.describes(content)).orElse(!content.isEmpty());
    }
}
