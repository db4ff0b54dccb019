package io.configcicd.core.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A target's content and the record of the deploy that wrote it: what {@link ConfigStore#read()} returns, what
 * {@link ConfigStore#apply} is given to write, and what it checks the target still holds before it writes.
 * A target that does not exist is {@link #empty(Layout)}: empty content, no record. The record may be absent
 * while content exists (written by hand or by another tool), and may disagree with the content (drift).
 */
public record StoreState(StoreContent content, Optional<DeployedRecord> record) {

    public StoreState {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(record, "record");
    }

    public static StoreState empty(Layout layout) {
        return new StoreState(StoreContent.empty(layout), Optional.empty());
    }

    public static StoreState of(StoreContent content, DeployedRecord record) {
        return new StoreState(content, Optional.of(record));
    }

    /** Whether the target holds nothing and records nothing. */
    public boolean isEmpty() {
        return content.isEmpty() && record.isEmpty();
    }

    /** Whether both hold the same content (by hash) and the same record: what check-and-set compares. */
    public boolean sameAs(StoreState other) {
        return content.layout() == other.content.layout() && content.sha256().equals(other.content.sha256())
                && record.equals(other.record);
    }

    /** Whether the content differs from what the record says was deployed (someone edited the store). */
    public boolean drifted() {
        return record.map(r -> !r.describes(content)).orElse(!content.isEmpty());
    }
}
