package io.configcicd.core.impact;

import io.configcicd.core.model.RiskLevel;

import io.configcicd.core.diff.Change;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One effective change with its risk. Values are text as reports show them; at a secret path they are the
 * mask ({@code SecretMasker.MASK}) and {@link #secret()} says what happened, so a secret's value is never held.
 *
 * @param path     where the change is
 * @param type     added, removed or modified
 * @param oldValue the value at base, empty when added
 * @param newValue the value at head, empty when removed
 * @param risk     the level after rules, modifiers and findings
 * @param reasons  why, in the order they were applied
 * @param origin   where the head value was written (the base value's origin for a removal)
 * @param secret   {@code added}, {@code removed} or {@code rotated} when a secret is involved
 * @param consumers the lines of source code that read the key ({@link ConsumerScan}); empty when none or not scanned
 */
public record AssessedChange(ConfigPath path, Change.Type type, Optional<String> oldValue, Optional<String> newValue,
                             RiskLevel risk, List<String> reasons, Optional<Origin> origin, Optional<String> secret,
                             List<CodeReference> consumers) {

    public AssessedChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(risk, "risk");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(secret, "secret");
        consumers = List.copyOf(consumers);
    }

    /** This change with the code that reads its key. */
    public AssessedChange withConsumers(List<CodeReference> references) {
        return new AssessedChange(path, type, oldValue, newValue, risk, reasons, origin, secret, references);
    }
}
