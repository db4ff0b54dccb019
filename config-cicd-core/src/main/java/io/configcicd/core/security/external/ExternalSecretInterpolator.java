package io.configcicd.core.security.external;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.Interpolator;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a configuration tree the way {@link Interpolator} does, with external secret references
 * ({@code ${vault:secret/db#password}}, {@code ${aws-sm:prod/db#password}}) besides {@code ${VAR}}.
 *
 * <p>Only commands that need real values (deploy, {@code get --reveal}) call this; reading, listing,
 * validating and masking see references as written and contact no store.
 *
 * <p>Every external reference of the tree is fetched first, so that a failure names the file:line of the
 * reference that caused it; then the tree goes through {@link Interpolator} with a
 * {@link ResolvingVariableSource}, which answers from the resolvers' caches. A default
 * ({@code ${vault:secret/db#password:-x}}) is refused: a missing secret must stop a deploy, not be replaced by a
 * value written in the repository.
 */
public final class ExternalSecretInterpolator {

    private final ResolvingVariableSource source;

    /** @param source the resolvers and the environment */
    public ExternalSecretInterpolator(ResolvingVariableSource source) {
        this.source = source;
    }

    /** The tree with every reference resolved; origins kept. */
    public ConfigMap resolve(ConfigMap root) {
        return (ConfigMap) resolve(root, ConfigPath.root());
    }

    /** One value (a scalar or a whole subtree) at {@code path} with its references resolved. */
    public ConfigNode resolve(ConfigNode node, ConfigPath path) {
        prefetch(node, path);
        return new Interpolator(source).resolve(node, path);
    }

    private void prefetch(ConfigNode node, ConfigPath path) {
        ConfigMap holder = node instanceof ConfigMap m ? m : ConfigMap.builder(Origin.UNKNOWN).put("_", node).build();
        List<Interpolator.Reference> external = Interpolator.references(holder).stream()
                .filter(ref -> source.isExternal(ref.variable())).toList();
        for (Interpolator.Reference ref : external) {
            if (ref.defaultValue().isPresent()) {
                throw ConfigCicdException.badInput(ref.origin(), "external secret reference ${" + ref.variable()
                        + "} in " + describe(path, ref.path(), holder != node) + " has a default", "remove ':-"
                        + ref.defaultValue().get() + "'; a missing secret is an error, never replaced by a value in the repository");
            }
        }
        for (Interpolator.Reference ref : external) {
            try {
                source.apply(ref.variable());
            } catch (ConfigCicdException e) {
                throw new ConfigCicdException(e.kind(), e.origin().isKnown() ? e.origin() : ref.origin(),
                        e.problem() + " (in " + describe(path, ref.path(), holder != node) + ")", e.hint(), e);
            }
        }
    }

    private static String describe(ConfigPath base, ConfigPath relative, boolean wrapped) {
        List<ConfigPath.Segment> segments = new ArrayList<>(base.segments());
        List<ConfigPath.Segment> rel = relative.segments();
        segments.addAll(wrapped ? rel.subList(1, rel.size()) : rel);
        ConfigPath p = ConfigPath.of(segments);
        return p.isRoot() ? "the document root" : p.toString();
    }
}
