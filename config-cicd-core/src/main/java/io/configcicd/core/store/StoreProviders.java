package io.configcicd.core.store;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Origin;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The store types that are installed: every {@link StoreProvider} that {@link ServiceLoader} finds (the core's
 * {@code file}, and one per store module on the class path). Opening a target wraps its store in the decorators
 * every store gets ({@link SizeLimitedStore}). Immutable.
 */
public final class StoreProviders {

    /** Store types of the product whose module may be missing from a class path, and the module to add. */
    private static final Map<String, String> MODULES = Map.of(
            "redis", "config-cicd-store-redis",
            "consul", "config-cicd-store-consul",
            "kubernetes-configmap", "config-cicd-store-kubernetes",
            "aws-appconfig", "config-cicd-store-appconfig");

    private final SortedMap<String, StoreProvider> byType;

    private StoreProviders(SortedMap<String, StoreProvider> byType) {
        this.byType = Collections.unmodifiableSortedMap(byType);
    }

    /** The providers on the class path of the core (and, in a shaded jar, of every store module). */
    public static StoreProviders installed() {
        return installed(StoreProvider.class.getClassLoader());
    }

    public static StoreProviders installed(ClassLoader loader) {
        return of(ServiceLoader.load(StoreProvider.class, loader).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** @throws IllegalArgumentException when two providers claim the same type */
    public static StoreProviders of(Collection<? extends StoreProvider> providers) {
        SortedMap<String, StoreProvider> byType = new TreeMap<>();
        for (StoreProvider p : providers) {
            StoreProvider before = byType.putIfAbsent(p.type(), p);
            if (before != null && before.getClass() != p.getClass()) {
                throw new IllegalArgumentException("two store providers for type " + p.type() + ": "
                        + before.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new StoreProviders(byType);
    }

    public SortedSet<String> types() {
        return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(byType.keySet()));
    }

    public Optional<StoreProvider> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The provider of a target's type; bad input at {@code origin} naming the installed types when there is none. */
    public StoreProvider require(String type, String target, Origin origin) {
        StoreProvider p = byType.get(type);
        if (p != null) {
            return p;
        }
        String module = MODULES.get(type);
        String hint = module != null
                ? "the " + type + " store comes with " + module + ": add it to the class path (the CLI, plugin and action include it)"
                : "use one of " + String.join(", ", byType.keySet());
        throw ConfigCicdException.badInput(origin, "target " + target + ": unknown type '" + type + "'", hint);
    }

    /** Parses a {@code targets:} entry for an environment (see {@link TargetSpecs}). */
    public TargetSpec parse(String name, ConfigNode node, String environment) {
        return TargetSpecs.parse(name, node, environment, this);
    }

    /** Opens a target's store with the decorators every store gets: the size limit first, before any write. */
    public ConfigStore open(TargetSpec spec, StoreContext context) {
        StoreProvider provider = require(spec.type(), spec.name(), Origin.UNKNOWN);
        return new SizeLimitedStore(provider.open(spec, context), spec.maxBytes());
    }

    List<StoreProvider> all() {
        return List.copyOf(byType.values());
    }
}
