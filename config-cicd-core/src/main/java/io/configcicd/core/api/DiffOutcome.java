package io.configcicd.core.api;

import io.configcicd.core.diff.Change;
import io.configcicd.core.model.Scope;
import java.util.List;
import java.util.Objects;

/**
 * The key-level differences {@link DiffService#diff} found, masked: at a secret path only whether it was added,
 * removed or rotated. Render with {@code io.configcicd.core.report.DiffReports}.
 *
 * @param from    what the changes start from: {@code REV (<12-digit commit id>)} or the environment {@code name}
 * @param to      {@code working tree} or the other environment
 * @param changes the changes from {@code from} to {@code to}
 */
public record DiffOutcome(Scope scope, String name, String from, String to, List<Change> changes) {

    public DiffOutcome {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        changes = List.copyOf(changes);
    }
}
