package io.configcicd.store.kubernetes;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.TargetSpec;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of a {@code kubernetes-configmap} target, checked: {@code name} (a DNS-1123 subdomain, default
 * {@value #DEFAULT_NAME}), {@code namespace}, {@code kubeconfig} (a path), {@code context}, {@code immutable}
 * ({@code true}: a new immutable ConfigMap per deployment behind a pointer) and {@code keep} (the immutable
 * ConfigMaps kept besides the current one, default {@value #DEFAULT_KEEP}). An absent namespace, kubeconfig or
 * context is whatever fabric8 finds ({@code KUBECONFIG}, {@code ~/.kube/config}, the in-cluster service account).
 *
 * @param toSecret whether the data goes to a Secret of the same name ({@code secrets: resolve})
 */
record KubernetesSettings(String target, String name, Optional<String> namespace, Optional<String> kubeconfig,
                          Optional<String> context, boolean immutable, int keep, boolean toSecret) {

    static final String NAME = "name";
    static final String NAMESPACE = "namespace";
    static final String KUBECONFIG = "kubeconfig";
    static final String CONTEXT = "context";
    static final String IMMUTABLE = "immutable";
    static final String KEEP = "keep";
    static final String DEFAULT_NAME = "config-{environment}";
    static final int DEFAULT_KEEP = 5;

    /** RFC 1123 subdomain, as the API server checks a ConfigMap's name; 242 leaves room for the hash suffix. */
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_NAME = 253 - 1 - ConfigMapCodec.HASH_PREFIX;

    static KubernetesSettings of(TargetSpec spec) {
        String name = spec.option(NAME).orElse(DEFAULT_NAME.replace("{environment}", spec.environment()));
        if (name.length() > MAX_NAME || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw bad(spec, "name '" + name + "' is not a valid ConfigMap name",
                    "use lower-case letters, digits, '-' and '.', at most " + MAX_NAME + " characters");
        }
        boolean immutable = spec.flag(IMMUTABLE, "write " + IMMUTABLE + ": true");
        int keep = spec.option(KEEP).map(k -> keep(spec, k)).orElse(DEFAULT_KEEP);
        return new KubernetesSettings(spec.name(), name, nonBlank(spec, NAMESPACE), nonBlank(spec, KUBECONFIG),
                nonBlank(spec, CONTEXT), immutable, keep, spec.secrets() == SecretsMode.RESOLVE);
    }

    /** The kind of the object that holds the data: {@code Secret} for resolved secrets, else {@code ConfigMap}. */
    String kind() {
        return toSecret ? "Secret" : "ConfigMap";
    }

    private static Optional<String> nonBlank(TargetSpec spec, String key) {
        return spec.option(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int keep(TargetSpec spec, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(spec, "keep must be a whole number from 0 to 100, not '" + text + "'", "write keep: 5");
    }

    /** Bad input (exit 2): the option is wrong, not the store. */
    private static ConfigCicdException bad(TargetSpec spec, String problem, String hint) {
        return ConfigCicdException.badInput("target " + spec.name() + ": " + problem, hint);
    }
}
