package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.security.SecretMasker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable that each plaintext secret of a configuration directory moves to (the fix of
 * {@code security.plaintext-secret}), decided over every environment at once, every file and every overridden value
 * included, so that every environment's validation gives the same answer:
 *
 * <ol>
 *   <li>A path that is already written as one {@code ${VAR}} reference somewhere (another environment's override,
 *       a base value) keeps that variable: one path, one variable everywhere. Each environment sets its own
 *       value, as CI systems scope secrets per environment.</li>
 *   <li>Otherwise the short name ({@link EnvironmentVariableName}: {@code DB_PASSWORD}), unless another path would
 *       get it too or already references it ({@code ${DB_PASSWORD}} elsewhere): then each of those paths adds
 *       parent keys until the names differ ({@code ORDERS_DB_PASSWORD}, {@code BILLING_DB_PASSWORD}).</li>
 *   <li>Paths that still spell the same name in full ({@code dbPassword} and {@code db_password} side by side)
 *       are numbered in path order ({@code ..._2}).</li>
 * </ol>
 * So two different paths never share a variable, even when they hold the same value today: each secret can be
 * rotated on its own, and the fix never merges two secrets silently.
 */
final class SecretVariables {

    /** A variable referenced in a text: {@code ${NAME}} or {@code ${NAME:-default}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?=:-|})");
    private static final Comparator<ConfigPath> ORDER = Comparator.comparing(ConfigPath::toString);

    private final Map<ConfigPath, String> byPath;
    private final EnvironmentVariableName names;

    private SecretVariables(Map<ConfigPath, String> byPath, EnvironmentVariableName names) {
        this.byPath = Map.copyOf(byPath);
        this.names = names;
    }

    /** The variables of the plaintext secrets in {@code environments} (each environment's effective configuration). */
    static SecretVariables of(Map<String, ConfigMap> environments, SecretMasker masker, EnvironmentVariableName names) {
        Scan scan = new Scan(masker);
        environments.values().forEach(e -> scan.walk(ConfigPath.root(), e));
        return new SecretVariables(assign(scan, names), names);
    }

    /** The variable of a plaintext secret at {@code path} (the short name for a path this directory did not hold). */
    String of(ConfigPath path) {
        String v = byPath.get(path);
        return v != null ? v : names.of(path);
    }

    /** What the configurations write: plaintext secret paths, and which paths reference which variables. */
    private static final class Scan {
        private final SecretMasker masker;
        private final Set<ConfigPath> plaintext = new TreeSet<>(ORDER);
        private final Map<String, Set<ConfigPath>> used = new HashMap<>();
        private final Map<ConfigPath, Set<String>> single = new HashMap<>();

        Scan(SecretMasker masker) {
            this.masker = masker;
        }

        void walk(ConfigPath from, ConfigNode tree) {
            ConfigNodes.walk(tree, from, (path, node) -> {
                if (node instanceof ConfigScalar s) {
                    scalar(path, s);
                }
                node.overridden().forEach(old -> walk(path, old));
            });
        }

        private void scalar(ConfigPath path, ConfigScalar s) {
            if (s.type() != ScalarType.STRING) {
                if (masker.isSecret(path) && SecretValue.of(s).isPlaintext()) {
                    plaintext.add(path);
                }
                return;
            }
            String text = (String) s.value();
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                used.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(path);
            }
            if (!masker.isSecret(path)) {
                return;
            }
            Optional<String> variable = SecretValue.singleVariable(text);
            if (variable.isPresent()) {
                single.computeIfAbsent(path, k -> new TreeSet<>()).add(variable.get());
            } else if (SecretValue.of(s).isPlaintext()) {
                plaintext.add(path);
            }
        }
    }

    private static Map<ConfigPath, String> assign(Scan scan, EnvironmentVariableName names) {
        Map<ConfigPath, String> out = new LinkedHashMap<>();
        Map<ConfigPath, Integer> depth = new LinkedHashMap<>();
        for (ConfigPath p : scan.plaintext) {
            Set<String> existing = scan.single.getOrDefault(p, Set.of());
            if (existing.size() == 1) {
                out.put(p, existing.iterator().next());
            } else {
                depth.put(p, 0);
            }
        }
        while (deepen(depth, scan.used, names)) {
            // each round adds a parent key to every path of a name that two paths would share
        }
        Set<String> taken = new HashSet<>(out.values());
        for (ConfigPath p : depth.keySet()) {
            String base = names.of(p, depth.get(p)).orElseThrow();
            String name = base;
            for (int n = 2; taken.contains(name) || usedElsewhere(scan.used, name, Set.of(p)); n++) {
                name = base + "_" + n;
            }
            taken.add(name);
            out.put(p, name);
        }
        return out;
    }

    /** One round: paths whose name another path would get, or already references, add a parent key. */
    private static boolean deepen(Map<ConfigPath, Integer> depth, Map<String, Set<ConfigPath>> used,
                                  EnvironmentVariableName names) {
        Map<String, List<ConfigPath>> claims = new LinkedHashMap<>();
        depth.forEach((p, d) -> claims.computeIfAbsent(names.of(p, d).orElseThrow(), k -> new ArrayList<>()).add(p));
        boolean changed = false;
        for (Map.Entry<String, List<ConfigPath>> c : claims.entrySet()) {
            if (c.getValue().size() < 2 && !usedElsewhere(used, c.getKey(), new HashSet<>(c.getValue()))) {
                continue;
            }
            for (ConfigPath p : c.getValue()) {
                if (names.of(p, depth.get(p) + 1).isPresent()) {
                    depth.put(p, depth.get(p) + 1);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Whether a path other than {@code paths} references the variable. */
    private static boolean usedElsewhere(Map<String, Set<ConfigPath>> used, String variable, Set<ConfigPath> paths) {
        return used.getOrDefault(variable, Set.of()).stream().anyMatch(p -> !paths.contains(p));
    }
}
