package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.util.Objects;

/**
 * What {@link HistoryService#history} lists: the changes of configuration ({@code scope}, {@code name}), newest
 * first, at most {@code limit} of them (0: all).
 */
public record HistoryRequest(Scope scope, String name, int limit) {

    /** The number of entries listed unless a request says otherwise. */
    public static final int DEFAULT_LIMIT = 20;

    public HistoryRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
    }

    /** The newest {@value #DEFAULT_LIMIT} changes of configuration ({@code scope}, {@code name}). */
    public static HistoryRequest of(Scope scope, String name) {
        return new HistoryRequest(scope, name, DEFAULT_LIMIT);
    }

    /** At most {@code value} entries; 0 for all. */
    public HistoryRequest withLimit(int value) {
        return new HistoryRequest(scope, name, value);
    }
}
