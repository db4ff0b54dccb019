package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings file {@code config-cicd.yaml} of a configuration directory. Everything in it is optional;
 * this class reads the sections the loader needs ({@code environments}, {@code limits}, {@code secrets})
 * and keeps the whole document ({@link #raw()}) for the sections that later parts of the product read.
 *
 * <pre>
 * environments:            # a list of names, or a mapping name -> {protected: bool}
 *   development: {}
 *   production: {protected: true}
 * limits: {max_document_bytes: 1048576, max_depth: 32, max_aliases: 50, max_string_length: 65536, max_number_length: 64}
 * secrets:
 *   keys: [password, secret, token, api_key, private_key, credentials]
 *   exclude: [token_ttl]   # keys named exactly so hold no secret, though a pattern above matches them
 * </pre>
 *
 * <p>{@link #secretKeys()} lists the patterns of {@code secrets.keys} and then each pattern of {@code secrets.exclude}
 * with {@code !} before it, which the secret masker ({@code security.SecretMasker}) reads as an exclusion.
 */
public record Settings(List<EnvironmentSpec> environments, LoadLimits limits, List<String> secretKeys, ConfigMap raw) {

    public static final String FILE_NAME = "config-cicd.yaml";

    public static final List<String> DEFAULT_SECRET_KEYS =
            List.of("password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "credentials");

    /** One declared environment. Production is protected unless the settings say otherwise. */
    public record EnvironmentSpec(String name, boolean isProtected) {
    }

    public Settings {
        environments = List.copyOf(environments);
        secretKeys = List.copyOf(secretKeys);
    }

    public static Settings defaults() {
        return new Settings(List.of(), LoadLimits.DEFAULT, DEFAULT_SECRET_KEYS, ConfigMap.empty());
    }

    public Optional<EnvironmentSpec> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Whether an environment is protected: as declared, else only {@code production}. */
    public boolean isProtected(String name) {
        return environment(name).map(EnvironmentSpec::isProtected).orElse(name.equals("production"));
    }

    /** Reads the parsed settings document; a section of the wrong shape is an error at its file:line. */
    public static Settings from(ConfigMap doc) {
        List<EnvironmentSpec> envs = new ArrayList<>();
        ConfigNode envNode = doc.getOrNull("environments");
        if (envNode instanceof ConfigList list) {
            for (ConfigNode item : list.items()) {
                String name = text(item, "environments[]");
                envs.add(new EnvironmentSpec(name, name.equals("production")));
            }
        } else if (envNode instanceof ConfigMap map) {
            for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
                boolean prot = e.getKey().equals("production");
                if (e.getValue() instanceof ConfigMap spec && spec.getOrNull("protected") != null) {
                    prot = bool(spec.getOrNull("protected"), "environments." + e.getKey() + ".protected");
                }
                envs.add(new EnvironmentSpec(ConfigDirectory.checkName(e.getKey(), "environment"), prot));
            }
        } else if (envNode != null && !envNode.isNull()) {
            throw wrongShape(envNode, "environments", "a list of names or a mapping of name to settings");
        }
        return new Settings(envs, limits(doc.getOrNull("limits")), secretKeys(doc.getOrNull("secrets")), doc);
    }

    private static LoadLimits limits(ConfigNode node) {
        LoadLimits l = LoadLimits.DEFAULT;
        if (!(node instanceof ConfigMap m)) {
            if (node != null && !node.isNull()) {
                throw wrongShape(node, "limits", "a mapping");
            }
            return l;
        }
        for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
            int v = (int) integer(e.getValue(), "limits." + e.getKey());
            l = switch (e.getKey()) {
                case "max_document_bytes" -> l.withMaxDocumentBytes(v);
                case "max_depth" -> l.withMaxDepth(v);
                case "max_aliases" -> l.withMaxAliases(v);
                case "max_string_length" -> l.withMaxStringLength(v);
                case "max_number_length" -> l.withMaxNumberLength(v);
                default -> throw ConfigCicdException.badInput(m.keyOrigin(e.getKey()),
                        "unknown limit '" + e.getKey() + "'",
                        "use max_document_bytes, max_depth, max_aliases, max_string_length or max_number_length");
            };
        }
        return l;
    }

    /**
     * {@code secrets.keys} (default {@link #DEFAULT_SECRET_KEYS}) followed by each pattern of {@code secrets.exclude}
     * with {@code !} before it, the form the secret masker reads as an exclusion.
     */
    private static List<String> secretKeys(ConfigNode node) {
        if (!(node instanceof ConfigMap m)) {
            return DEFAULT_SECRET_KEYS;
        }
        List<String> out = new ArrayList<>();
        if (m.getOrNull("keys") instanceof ConfigList keys) {
            for (ConfigNode k : keys.items()) {
                out.add(text(k, "secrets.keys[]"));
            }
        } else {
            out.addAll(DEFAULT_SECRET_KEYS);
        }
        if (m.getOrNull("exclude") instanceof ConfigList excluded) {
            for (ConfigNode k : excluded.items()) {
                out.add("!" + text(k, "secrets.exclude[]"));
            }
        }
        return out;
    }

    private static String text(ConfigNode n, String where) {
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return (String) s.value();
        }
        throw wrongShape(n, where, "a string");
    }

    private static boolean bool(ConfigNode n, String where) {
        if (n instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN) {
            return (Boolean) s.value();
        }
        throw wrongShape(n, where, "true or false");
    }

    private static long integer(ConfigNode n, String where) {
        if (n instanceof ConfigScalar s && s.type() == ScalarType.INTEGER && s.value() instanceof Long v
                && v > 0 && v <= Integer.MAX_VALUE) {
            return v;
        }
        throw wrongShape(n, where, "a positive integer");
    }

    private static ConfigCicdException wrongShape(ConfigNode n, String where, String expected) {
        return ConfigCicdException.badInput(n.origin(), FILE_NAME + ": " + where + " must be " + expected
                + ", found " + n.typeName(), "see docs/settings.md");
    }
}
