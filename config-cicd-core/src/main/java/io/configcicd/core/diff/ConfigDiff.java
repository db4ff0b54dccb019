package io.configcicd.core.diff;

import io.configcicd.core.security.crypto.SecretChange;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Key-level difference of two configuration trees (effective configurations or single documents).
 *
 * <ul>
 *   <li>Leaves are compared by path: scalars, lists and empty mappings (a mapping that fills or empties is
 *       its keys added or removed). Mappings are walked key by key;
 *       key order and origins do not matter, so a value moved to another file, or another line, is no change.</li>
 *   <li>A list is one value: a list that changed in any way is one {@code MODIFIED} at the list's path (an
 *       insertion would otherwise shift every later index into a change of its own).</li>
 *   <li>A subtree that appears or disappears gives one {@code ADDED} or {@code REMOVED} per leaf, so counts
 *       are counts of keys.</li>
 *   <li>A change of kind (mapping to scalar, scalar to list, integer {@code 5} to float {@code 5.0}) is one
 *       {@code MODIFIED} at that path with both values.</li>
 *   <li>At a secret path ({@link SecretMasker#isSecret}) no value is carried: the change says only
 *       {@link SecretChange#ADDED}, {@link SecretChange#REMOVED} or {@link SecretChange#ROTATED}. Whether a
 *       secret changed is decided by the fingerprint function given to the constructor, applied to the
 *       canonical text of the two values (by default HMAC-SHA-256 under a random per-process key). A list
 *       or mapping value at an ordinary path that holds secrets is carried masked.</li>
 *   <li>A value at an ordinary path that holds a secret of either tree (a password in a connection string, a
 *       base64 copy of a secret) or a URL password is carried with those parts masked; when nothing but a masked
 *       part differs, the change is marked {@link SecretChange#ROTATED}.</li>
 *   <li>Changes are sorted by path.</li>
 * </ul>
 *
 * <p>The walk builds no path for equal subtrees: a path is made only for a change. Instances are immutable
 * and thread safe.
 */
public final class ConfigDiff {

    private final SecretMasker masker;
    private final Function<String, String> fingerprint;
    private final UnaryOperator<String> open;

    /** A diff that fingerprints secrets with a per-process random key. */
    public ConfigDiff(SecretMasker masker) {
        this(masker, SecretFingerprints.processSalted());
    }

    /**
     * @param masker      which paths are secrets
     * @param fingerprint a one-way function of a secret's canonical text; two secrets are the same when their
     *                    fingerprints are equal
     */
    public ConfigDiff(SecretMasker masker, Function<String, String> fingerprint) {
        this(masker, fingerprint, UnaryOperator.identity());
    }

    private ConfigDiff(SecretMasker masker, Function<String, String> fingerprint, UnaryOperator<String> open) {
        this.masker = Objects.requireNonNull(masker, "masker");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.open = Objects.requireNonNull(open, "open");
    }

    /**
     * This diff comparing secrets by what they hold: {@code open} turns a string value into the text it stands
     * for (the plaintext of an {@code ENC[...]} value the key opens, in memory only; the value itself otherwise),
     * so a secret re-encrypted under a new nonce or key is {@code unchanged}, not {@code rotated}.
     */
    public ConfigDiff opening(UnaryOperator<String> open) {
        return new ConfigDiff(masker, fingerprint, open);
    }

    /** The fingerprint used when none is given: HMAC-SHA-256 under a random key made once per process. */
    public static Function<String, String> defaultFingerprint() {
        return SecretFingerprints.processSalted();
    }

    /** The changes from {@code before} to {@code after}, sorted by path. */
    public static List<Change> between(ConfigMap before, ConfigMap after, SecretMasker masker) {
        return new ConfigDiff(masker).diff(before, after);
    }

    /**
     * The changes from {@code before} to {@code after}, sorted by path. Values at ordinary paths are masked by
     * {@link #secretsOf} of both trees: a secret of either side (in any of its encodings) and a URL's password never
     * appear in a change, whatever key holds them.
     */
    public List<Change> diff(ConfigMap before, ConfigMap after) {
        List<Change> found = changes(before, after);
        return found.isEmpty() ? List.of() : masked(found, secretsOf(before, after));
    }

    /**
     * {@link #diff(ConfigMap, ConfigMap)} with the masker of secrets a caller has already collected
     * ({@link #secretsOf} of these trees and perhaps more), so that they are not collected twice.
     */
    public List<Change> diff(ConfigMap before, ConfigMap after, OutputMasker secrets) {
        Objects.requireNonNull(secrets, "secrets");
        List<Change> found = changes(before, after);
        return found.isEmpty() ? List.of() : masked(found, secrets);
    }

    private List<Change> changes(ConfigMap before, ConfigMap after) {
        Run run = new Run();
        run.maps(before, after);
        return run.out;
    }

    private static List<Change> masked(List<Change> changes, OutputMasker hide) {
        List<Change> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            out.add(c.isSecret() ? c : c.maskedWith(hide));
        }
        out.sort(Comparator.comparing(Change::path));
        return List.copyOf(out);
    }

    /**
     * The masker of the secrets of these trees: every value under a secret key as written (and the values it
     * overrode), the plaintext of every {@code ENC[...]} value this diff can open, and URL passwords by shape.
     */
    public OutputMasker secretsOf(ConfigMap... trees) {
        OutputMasker.Builder b = OutputMasker.builder(masker).opening(open);
        for (ConfigMap t : trees) {
            b.addSecretsOf(t);
        }
        return b.build();
    }

    /**
     * Every secret of either side and what happened to it, {@link SecretChange#UNCHANGED} included, by path.
     * Leaves are as in {@link #diff}; lists at ordinary paths are looked into, so a secret inside a list item
     * has an index in its path.
     */
    public SortedMap<ConfigPath, SecretChange> secretStatus(ConfigMap before, ConfigMap after) {
        Map<ConfigPath, ConfigNode> b = new HashMap<>();
        Map<ConfigPath, ConfigNode> a = new HashMap<>();
        collectSecretLeaves(before, ConfigPath.root(), false, b);
        collectSecretLeaves(after, ConfigPath.root(), false, a);
        TreeSet<ConfigPath> paths = new TreeSet<>(b.keySet());
        paths.addAll(a.keySet());
        SortedMap<ConfigPath, SecretChange> out = new TreeMap<>();
        for (ConfigPath p : paths) {
            ConfigNode x = b.get(p);
            ConfigNode y = a.get(p);
            out.put(p, x == null ? SecretChange.ADDED : y == null ? SecretChange.REMOVED
                    : sameSecret(x, y) ? SecretChange.UNCHANGED : SecretChange.ROTATED);
        }
        return out;
    }

    private void collectSecretLeaves(ConfigNode node, ConfigPath path, boolean secret, Map<ConfigPath, ConfigNode> out) {
        if (node instanceof ConfigMap m && !m.isEmpty()) {
            m.entries().forEach((k, v) -> collectSecretLeaves(v, path.child(k), secret || masker.isSecretKey(k), out));
        } else if (node instanceof ConfigList l && !secret) {
            for (int i = 0; i < l.size(); i++) {
                collectSecretLeaves(l.get(i), path.child(i), false, out);
            }
        } else if (secret) {
            out.put(path, node);
        }
    }

    private boolean sameSecret(ConfigNode before, ConfigNode after) {
        return before.sameValue(after) || fingerprint.apply(SecretFingerprints.canonical(before, open))
                .equals(fingerprint.apply(SecretFingerprints.canonical(after, open)));
    }

    /** The state of one diff: the keys from the root to the current node and the changes found so far. */
    private final class Run {
        private final ArrayList<String> keys = new ArrayList<>();
        private final List<Change> out = new ArrayList<>();
        private final Map<String, Boolean> secretKeys = new HashMap<>();

        void maps(ConfigMap before, ConfigMap after) {
            if (before == after) {
                return;
            }
            for (Map.Entry<String, ConfigNode> e : before.entries().entrySet()) {
                keys.add(e.getKey());
                ConfigNode now = after.getOrNull(e.getKey());
                if (now == null) {
                    leaves(e.getValue(), Change.Type.REMOVED);
                } else {
                    node(e.getValue(), now);
                }
                keys.remove(keys.size() - 1);
            }
            for (Map.Entry<String, ConfigNode> e : after.entries().entrySet()) {
                if (!before.containsKey(e.getKey())) {
                    keys.add(e.getKey());
                    leaves(e.getValue(), Change.Type.ADDED);
                    keys.remove(keys.size() - 1);
                }
            }
        }

        private void node(ConfigNode before, ConfigNode after) {
            if (before == after) {
                return;
            }
            if (before instanceof ConfigMap b && after instanceof ConfigMap a) {
                maps(b, a);
            } else if (!before.sameValue(after)) {
                emit(Change.Type.MODIFIED, before, after);
            }
        }

        /** One change per leaf of a subtree that exists on one side only. */
        private void leaves(ConfigNode node, Change.Type type) {
            if (node instanceof ConfigMap m && !m.isEmpty()) {
                for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
                    keys.add(e.getKey());
                    leaves(e.getValue(), type);
                    keys.remove(keys.size() - 1);
                }
            } else if (type == Change.Type.ADDED) {
                emit(type, null, node);
            } else {
                emit(type, node, null);
            }
        }

        private void emit(Change.Type type, ConfigNode before, ConfigNode after) {
            ConfigPath path = ConfigPath.ofKeys(keys.toArray(new String[0]));
            Optional<Origin> bo = before == null ? Optional.empty() : Optional.of(before.origin());
            Optional<Origin> ao = after == null ? Optional.empty() : Optional.of(after.origin());
            if (pathIsSecret()) {
                SecretChange status = type == Change.Type.ADDED ? SecretChange.ADDED
                        : type == Change.Type.REMOVED ? SecretChange.REMOVED
                        : sameSecret(before, after) ? null : SecretChange.ROTATED;
                if (status != null) {
                    out.add(new Change(path, type, Optional.empty(), Optional.empty(), bo, ao, Optional.of(status)));
                }
                return;
            }
            Optional<SecretChange> inner = innerSecrets(before, after);
            out.add(new Change(path, type, shown(path, before, inner), shown(path, after, inner), bo, ao, inner));
        }

        private Optional<ConfigNode> shown(ConfigPath path, ConfigNode node, Optional<SecretChange> inner) {
            if (node == null) {
                return Optional.empty();
            }
            ConfigNode plain = node.withoutHistory();
            return Optional.of(inner.isPresent() ? masker.mask(path, plain) : plain);
        }

        private boolean pathIsSecret() {
            for (String k : keys) {
                if (secretKeys.computeIfAbsent(k, masker::isSecretKey)) {
                    return true;
                }
            }
            return false;
        }

        /** For list and mapping values at an ordinary path: what happened to the secrets inside them. */
        private Optional<SecretChange> innerSecrets(ConfigNode before, ConfigNode after) {
            String b = secretText(before);
            String a = secretText(after);
            if (b == null && a == null) {
                return Optional.empty();
            }
            if (b == null || a == null) {
                return Optional.of(b == null ? SecretChange.ADDED : SecretChange.REMOVED);
            }
            return Optional.of(fingerprint.apply(b).equals(fingerprint.apply(a))
                    ? SecretChange.UNCHANGED : SecretChange.ROTATED);
        }

        /** The canonical text of every secret inside a value, with where it is; null when there is none. */
        private String secretText(ConfigNode node) {
            if (node == null || !(node instanceof ConfigMap || node instanceof ConfigList)) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            appendSecrets(node, false, "", sb);
            return sb.length() == 0 ? null : sb.toString();
        }

        private void appendSecrets(ConfigNode node, boolean secret, String where, StringBuilder sb) {
            if (secret) {
                sb.append(where.length()).append(':').append(where).append(SecretFingerprints.canonical(node, open));
            } else if (node instanceof ConfigMap m) {
                m.entries().forEach((k, v) -> appendSecrets(v, secretKeys.computeIfAbsent(k, masker::isSecretKey),
                        where + "." + k.length() + ":" + k, sb));
            } else if (node instanceof ConfigList l) {
                for (int i = 0; i < l.size(); i++) {
                    appendSecrets(l.get(i), false, where + "[" + i + "]", sb);
                }
            }
        }
    }
}
