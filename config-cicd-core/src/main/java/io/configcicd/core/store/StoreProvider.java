package io.configcicd.core.store;

import java.util.Map;
import java.util.Set;

/**
 * A kind of store, found by {@link java.util.ServiceLoader} ({@code META-INF/services/io.configcicd.core.store.StoreProvider})
 * and chosen by a target's {@code type}. Implementations have a public no-argument constructor, hold no state and
 * start nothing until {@link #open}. The SDK of the store stays inside the provider's module.
 */
public interface StoreProvider {

    /** The {@code type} word of {@code targets:}: {@code file}, {@code redis}, {@code consul}, ... */
    String type();

    /** The layout when the target does not say ({@code keys} for redis and consul, {@code document} otherwise). */
    Layout defaultLayout();

    /** The keys of the type's own options ({@code url}, {@code prefix}, ...), beside the shared ones. */
    Set<String> optionKeys();

    /** Option defaults, before {@code {environment}} substitution: {@code key -> "config:{environment}"}. */
    default Map<String, String> optionDefaults() {
        return Map.of();
    }

    /** Whether the store may receive resolved secrets ({@code secrets: resolve}); a ConfigMap may not. */
    default boolean acceptsResolvedSecrets() {
        return true;
    }

    /** The largest content the store itself accepts, in bytes; {@code max_bytes} cannot go above it. */
    default long storeLimitBytes() {
        return Long.MAX_VALUE;
    }

    /**
     * Opens the store of a target for its environment. Opening may connect; it does not write.
     *
     * @throws StoreException when the store cannot be opened (unreachable, unauthorized)
     */
    ConfigStore open(TargetSpec spec, StoreContext context);
}
