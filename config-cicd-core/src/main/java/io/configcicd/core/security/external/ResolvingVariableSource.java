package io.configcicd.core.security.external;

import io.configcicd.core.ConfigCicdException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The variables of {@link io.configcicd.core.load.Interpolator}: a name {@code scheme:REFERENCE} goes to the
 * {@link SecretResolver} of that scheme, every other name to the environment. An unknown scheme is bad input
 * rather than an unset variable, so a typo such as {@code ${valt:secret/db#password}} is not mistaken for a
 * missing environment variable.
 *
 * <p>Nothing is fetched until a name is looked up; only commands that need real values look names up.
 */
public final class ResolvingVariableSource implements Function<String, Optional<String>> {

    private final Map<String, SecretResolver> resolvers;
    private final Function<String, Optional<String>> environment;

    /**
     * @param resolvers   one per scheme
     * @param environment the plain variables, for example {@code name -> Optional.ofNullable(System.getenv(name))}
     */
    public ResolvingVariableSource(List<SecretResolver> resolvers, Function<String, Optional<String>> environment) {
        Map<String, SecretResolver> byScheme = new LinkedHashMap<>();
        for (SecretResolver r : resolvers) {
            if (byScheme.putIfAbsent(r.scheme(), r) != null) {
                throw new IllegalArgumentException("two resolvers for scheme " + r.scheme());
            }
        }
        this.resolvers = Map.copyOf(byScheme);
        this.environment = environment;
    }

    /** Vault and AWS Secrets Manager configured from {@code env}, plain variables from {@code env} too. */
    public static ResolvingVariableSource standard(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return new ResolvingVariableSource(List.of(new VaultKvResolver(copy), new AwsSecretsManagerResolver(copy)),
                name -> Optional.ofNullable(copy.get(name)));
    }

    /** {@link #standard(Map)} over the process environment. */
    public static ResolvingVariableSource fromProcessEnvironment() {
        return standard(System.getenv());
    }

    @Override
    public Optional<String> apply(String name) {
        Optional<String> scheme = scheme(name);
        if (scheme.isEmpty()) {
            return environment.apply(name);
        }
        SecretResolver resolver = resolvers.get(scheme.get());
        if (resolver == null) {
            throw ConfigCicdException.badInput("unknown secret store '" + scheme.get() + "' in ${" + name + "}",
                    "external references start with one of " + new TreeSet<>(resolvers.keySet()));
        }
        return Optional.of(resolver.resolve(name.substring(scheme.get().length() + 1)));
    }

    /** Whether a name is an external reference ({@code scheme:...}) rather than a variable. */
    public boolean isExternal(String name) {
        return scheme(name).isPresent();
    }

    /** The scheme of {@code scheme:REFERENCE}: letters, digits and {@code -}, starting with a letter. */
    static Optional<String> scheme(String name) {
        int colon = name.indexOf(':');
        if (colon <= 0 || !Character.isLetter(name.charAt(0))) {
            return Optional.empty();
        }
        for (int i = 1; i < colon; i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-') {
                return Optional.empty();
            }
        }
        return Optional.of(name.substring(0, colon));
    }
}
