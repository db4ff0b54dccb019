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
import java.util.Locale;
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
 * targets: {local: {type: file}}          # checked by DeploySettings here, parsed by store.TargetSpecs on deploy
 * deploy: {max_change_ratio: 0.5, protected_keys: [security.**]}
 * monitor: {interval: 10s, probes: [...]}  # read by monitor (MonitorSettings)
 * </pre>
 *
 * <p>{@link #secretKeys()} lists the patterns of {@code secrets.keys} and then each pattern of {@code secrets.exclude}
 * with {@code !} before it, which the secret masker ({@code security.SecretMasker}) reads as an exclusion.
 */
public record Settings(List<EnvironmentSpec> environments, LoadLimits limits, List<String> secretKeys, ConfigMap raw) {

    public static final String FILE_NAME = "config-cicd.yaml";

    public static final List<String> DEFAULT_SECRET_KEYS =
            List.of("password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "credentials");

    /**
     * The top-level sections of the settings file, each read by one part of the product: {@code environments},
     * {@code limits} and {@code secrets} here, the others by the parts named in docs/settings.md. Any other
     * top-level key is an error; a part that reads a new section adds its name here.
     */
    public static final List<String> SECTIONS = List.of("environments", "limits", "secrets", "validation", "rules",
            "policy", "waivers", "risk", "impact", "access", "audit", "targets", "deploy", "monitor");

    /** The fields of one environment's settings. */
    public static final List<String> ENVIRONMENT_FIELDS = List.of("protected", "targets", "monitor");

    /** The fields of {@code secrets}. */
    public static final List<String> SECRETS_FIELDS = List.of("keys", "exclude");

    /**
     * One declared environment. Production is protected unless the settings say otherwise. {@code targets} names the
     * entries of {@code targets:} a deploy of the environment writes to (empty: none).
     */
    public record EnvironmentSpec(String name, boolean isProtected, List<String> targets) {
        public EnvironmentSpec {
            targets = List.copyOf(targets);
        }

        public EnvironmentSpec(String name, boolean isProtected) {
            this(name, isProtected, List.of());
        }
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

    /**
     * Reads the parsed settings document. A section of the wrong shape is an error at its file:line, and so is a
     * key that nothing reads (a top-level section, a field of {@code limits}, {@code secrets} or an environment),
     * naming the key and listing the keys that exist.
     */
    public static Settings from(ConfigMap doc) {
        onlyKeys(doc, "", SECTIONS);
        DeploySettings.from(doc);
        MonitorSettings.check(doc.getOrNull(MonitorSettings.SECTION), MonitorSettings.SECTION);
        return new Settings(environments(doc.getOrNull("environments"), DeploySettings.targetNames(doc)),
                limits(doc.getOrNull("limits")),
                secretKeys(doc.getOrNull("secrets")), doc);
    }

    private static List<EnvironmentSpec> environments(ConfigNode envNode, List<String> targetNames) {
        List<EnvironmentSpec> envs = new ArrayList<>();
        if (envNode instanceof ConfigList list) {
            for (ConfigNode item : list.items()) {
                String name = text(item, "environments[]");
                envs.add(new EnvironmentSpec(name, name.equals("production")));
            }
        } else if (envNode instanceof ConfigMap map) {
            for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
                String where = "environments." + e.getKey();
                boolean prot = e.getKey().equals("production");
                List<String> targets = List.of();
                if (e.getValue() instanceof ConfigMap spec) {
                    onlyKeys(spec, where + ".", ENVIRONMENT_FIELDS);
                    if (spec.getOrNull("protected") != null) {
                        prot = bool(spec.getOrNull("protected"), where + ".protected");
                    }
                    targets = DeploySettings.environmentTargets(spec.getOrNull("targets"), where, targetNames);
                    MonitorSettings.check(spec.getOrNull(MonitorSettings.SECTION), where + ".monitor");
                } else if (!e.getValue().isNull()) {
                    throw wrongShape(e.getValue(), where, "a mapping such as {protected: true}");
                }
                envs.add(new EnvironmentSpec(ConfigDirectory.checkName(e.getKey(), "environment"), prot, targets));
            }
        } else if (envNode != null && !envNode.isNull()) {
            throw wrongShape(envNode, "environments", "a list of names or a mapping of name to settings");
        }
        return envs;
    }

    private static LoadLimits limits(ConfigNode node) {
        LoadLimits l = LoadLimits.DEFAULT;
        if (!(node instanceof ConfigMap m)) {
            if (node != null && !node.isNull()) {
                throw wrongShape(node, "limits", "a mapping");
            }
            return l;
        }
        onlyKeys(m, "limits.", LoadLimits.SETTING_NAMES);
        for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
            int v = (int) integer(e.getValue(), "limits." + e.getKey());
            l = switch (e.getKey()) {
                case LoadLimits.MAX_DOCUMENT_BYTES -> l.withMaxDocumentBytes(v);
                case LoadLimits.MAX_DEPTH -> l.withMaxDepth(v);
                case LoadLimits.MAX_ALIASES -> l.withMaxAliases(v);
                case LoadLimits.MAX_STRING_LENGTH -> l.withMaxStringLength(v);
                case LoadLimits.MAX_NUMBER_LENGTH -> l.withMaxNumberLength(v);
                default -> throw new IllegalStateException("limit " + e.getKey() + " is listed but not read");
            };
        }
        return l;
    }

    /**
     * Rejects a key of {@code map} outside {@code known}: bad input at the key's file:line naming it (with
     * {@code prefix} before it, such as {@code limits.}) and listing the keys that exist; a key that differs from
     * a known one only in case, '_' or '-' is named as the likely meant one.
     */
    static void onlyKeys(ConfigMap map, String prefix, List<String> known) {
        for (String key : map.entries().keySet()) {
            if (known.contains(key)) {
                continue;
            }
            String what = prefix.isEmpty() ? "section" : "key";
            String meant = known.stream().filter(k -> loose(k).equals(loose(key))).findFirst()
                    .map(k -> "did you mean '" + prefix + k + "'? ").orElse("");
            String scope = prefix.isEmpty() ? "the sections of " + FILE_NAME
                    : "the keys of " + prefix.substring(0, prefix.length() - 1);
            throw ConfigCicdException.badInput(map.keyOrigin(key),
                    FILE_NAME + ": unknown " + what + " '" + prefix + key + "'",
                    meant + scope + " are " + String.join(", ", known) + " (see docs/settings.md)");
        }
    }

    private static String loose(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /**
     * {@code secrets.keys} (default {@link #DEFAULT_SECRET_KEYS}) followed by each pattern of {@code secrets.exclude}
     * with {@code !} before it, the form the secret masker reads as an exclusion.
     */
    private static List<String> secretKeys(ConfigNode node) {
        if (!(node instanceof ConfigMap m)) {
            if (node != null && !node.isNull()) {
                throw wrongShape(node, "secrets", "a mapping such as {keys: [password, token]}");
            }
            return DEFAULT_SECRET_KEYS;
        }
        onlyKeys(m, "secrets.", SECRETS_FIELDS);
        List<String> out = new ArrayList<>(strings(m.getOrNull("keys"), "secrets.keys", DEFAULT_SECRET_KEYS));
        for (String excluded : strings(m.getOrNull("exclude"), "secrets.exclude", List.of())) {
            out.add("!" + excluded);
        }
        return out;
    }

    /** A list of strings; {@code otherwise} when the node is absent or null. */
    private static List<String> strings(ConfigNode node, String where, List<String> otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!(node instanceof ConfigList list)) {
            throw wrongShape(node, where, "a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode k : list.items()) {
            out.add(text(k, where + "[]"));
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

    static ConfigCicdException wrongShape(ConfigNode n, String where, String expected) {
        return ConfigCicdException.badInput(n.origin(), FILE_NAME + ": " + where + " must be " + expected
                + ", found " + n.typeName(), "see docs/settings.md");
    }
}
