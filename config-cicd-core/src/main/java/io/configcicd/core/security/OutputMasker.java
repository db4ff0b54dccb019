package io.configcicd.core.security;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masker every output of the product passes through (text, json and report formats, diffs, history, audit
 * log, exception messages, Maven log, action outputs and summary). It knows every secret value and replaces each
 * occurrence, in any of these forms, by {@value SecretMasker#MASK}:
 *
 * <ul>
 *   <li>as written;</li>
 *   <li>base64, standard and URL-safe alphabet, with and without padding, also where the secret sits inside a longer
 *       encoded text such as an HTTP basic-auth header ({@code base64("user:" + password)});</li>
 *   <li>URL-encoded ({@link URLEncoder} with UTF-8, and the same with {@code %20} for spaces);</li>
 *   <li>JSON-escaped (quote, backslash and control characters escaped, other characters raw or as {@code \}{@code uXXXX}).</li>
 * </ul>
 *
 * <p>Every masker but {@link #none()} also masks the password of every URL by its shape ({@code scheme://user:******@host}),
 * whether or not the password is a known secret: a connection string of an old revision, or one that a rule quotes,
 * then never shows its password.
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters are ignored: masking every {@code "no"} or {@code "42"} in
 * an output would hide ordinary text and tell a reader which short words are secrets. Booleans and nulls are never
 * secrets. A secret of four characters or more is masked wherever it appears, including inside ordinary words, so a
 * weak secret such as {@code password} also hides that word in key names.
 *
 * <p>Overlapping or adjacent occurrences of secrets become one mask. {@link #mask} scans the text once with an
 * Aho-Corasick automaton of all the forms, so its cost grows with the text, not with the number of secrets.
 * Immutable and thread safe.
 */
public final class OutputMasker {

    /** Secrets shorter than this are not masked. */
    public static final int MIN_LENGTH = 4;

    private static final OutputMasker NONE = new OutputMasker(Set.of(), List.of(), false);

    private static final OutputMasker SHAPES_ONLY = new OutputMasker(Set.of(), List.of(), true);

    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_.-]*:-(.*)}", Pattern.DOTALL);

    private final MaskAutomaton automaton;
    private final int variantCount;
    private final List<String> values;
    private final boolean urlPasswords;

    private OutputMasker(Set<String> variants, List<String> values, boolean urlPasswords) {
        this.automaton = new MaskAutomaton(variants);
        this.variantCount = variants.size();
        this.values = List.copyOf(values);
        this.urlPasswords = urlPasswords;
    }

    /**
     * A masker that knows no secrets and returns every text unchanged, URL passwords included: what an output
     * shows after an explicit {@code --reveal} that access control allowed.
     */
    public static OutputMasker none() {
        return NONE;
    }

    /** A masker that knows no secrets but masks the password of every URL by its shape. */
    public static OutputMasker urlPasswordsOnly() {
        return SHAPES_ONLY;
    }

    /**
     * A masker of these plain values (each in all its forms; short ones ignored) that also masks URL passwords by
     * their shape: for a front end that learns values while it runs ({@code event.MaskSink}) and adds them to its
     * masker with {@link #with}.
     */
    public static OutputMasker ofValues(List<String> secrets) {
        Set<String> values = new LinkedHashSet<>();
        secrets.stream().filter(v -> v != null && v.length() >= MIN_LENGTH).forEach(values::add);
        return of(values, true);
    }

    /** @param secrets decides which keys hold secrets */
    public static Builder builder(SecretMasker secrets) {
        return new Builder(secrets);
    }

    /** How many forms of secrets are masked (for tests and diagnostics). */
    public int forms() {
        return variantCount;
    }

    /**
     * The plain secret values this masker was built with, each once, in the order they were added (the encoded forms
     * it also masks are not listed). For runners that mask on their own side, like GitHub's {@code ::add-mask::}
     * workflow command: a front end hands them over before it prints anything. Never print them anywhere else.
     */
    public List<String> values() {
        return values;
    }

    /**
     * A masker of the secrets of both this masker and {@code other}; it masks URL passwords when either does.
     * For an output that shows values of several revisions: the secrets of each revision it read are added.
     */
    public OutputMasker with(OutputMasker other) {
        if (other.variantCount == 0 && (urlPasswords || !other.urlPasswords)) {
            return this;
        }
        if (variantCount == 0 && (other.urlPasswords || !urlPasswords)) {
            return other;
        }
        Set<String> all = new LinkedHashSet<>(values);
        all.addAll(other.values);
        return of(all, urlPasswords || other.urlPasswords);
    }

    /** The masker of these plain values, each in all its forms. */
    private static OutputMasker of(Set<String> values, boolean urlPasswords) {
        Set<String> variants = new LinkedHashSet<>();
        for (String v : values) {
            SecretForms.addAll(v, variants);
        }
        variants.removeIf(v -> v.length() < MIN_LENGTH);
        if (variants.isEmpty()) {
            return urlPasswords ? SHAPES_ONLY : NONE;
        }
        return new OutputMasker(variants, List.copyOf(values), urlPasswords);
    }

    /** The text with every known secret, in every form, and every URL password replaced by {@value SecretMasker#MASK}. */
    public String mask(String text) {
        String masked = maskSecrets(text);
        return urlPasswords ? UrlPasswords.mask(masked) : masked;
    }

    /**
     * A copy of a value with the text of each scalar masked as {@link #mask(String)} masks it; a scalar whose text
     * changes becomes a string (the mask is no number). Origins are kept; the values a node overrode are dropped
     * when anything inside it changed. The same instance when nothing needs masking.
     */
    public ConfigNode mask(ConfigNode value) {
        if (this == NONE) {
            return value;
        }
        if (value instanceof ConfigMap m) {
            ConfigMap.Builder b = ConfigMap.builder(m.origin());
            boolean changed = false;
            for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
                ConfigNode v = mask(e.getValue());
                changed |= v != e.getValue();
                b.put(e.getKey(), v, m.keyOrigin(e.getKey()));
            }
            return changed ? b.build() : m;
        }
        if (value instanceof ConfigList l) {
            List<ConfigNode> items = new ArrayList<>(l.size());
            boolean changed = false;
            for (ConfigNode item : l.items()) {
                ConfigNode v = mask(item);
                changed |= v != item;
                items.add(v);
            }
            return changed ? ConfigList.of(items, l.origin()) : l;
        }
        ConfigScalar s = (ConfigScalar) value;
        if (s.isNull() || s.type() == ScalarType.BOOLEAN) {
            return s;
        }
        String text = s.asText();
        String masked = mask(text);
        return masked.equals(text) ? s : ConfigScalar.string(masked, s.origin());
    }

    private String maskSecrets(String text) {
        if (variantCount == 0 || text.length() < MIN_LENGTH) {
            return text;
        }
        BitSet covered = automaton.cover(text);
        if (covered == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (int from = covered.nextSetBit(0); from >= 0; from = covered.nextSetBit(pos)) {
            out.append(text, pos, from).append(SecretMasker.MASK);
            pos = covered.nextClearBit(from);
        }
        return out.append(text, pos, text.length()).toString();
    }

    /** A print stream that masks everything written to it, line by line, before it reaches {@code out}. */
    public PrintStream masking(OutputStream out) {
        return new MaskingPrintStream(out, this);
    }

    /** Collects secret values; {@link #build} turns them into a masker. */
    public static final class Builder {

        private final SecretMasker secrets;
        private final Set<String> values = new LinkedHashSet<>();
        private UnaryOperator<String> open = UnaryOperator.identity();

        private Builder(SecretMasker secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
        }

        /**
         * From now on, the plaintext of each {@code ENC[...]} value that {@code open} can open (it returns the value
         * unchanged otherwise) is a secret too, for trees added without their real values.
         */
        public Builder opening(UnaryOperator<String> open) {
            this.open = Objects.requireNonNull(open, "open");
            return this;
        }

        /** One secret value (an encryption key's text, a token from a store's credentials...); short ones are ignored. */
        public Builder addValue(String secret) {
            if (secret != null && secret.length() >= MIN_LENGTH) {
                values.add(secret);
            }
            return this;
        }

        /** Several secret values at once ({@link #addValue} each). */
        public Builder addValues(Iterable<String> secrets) {
            secrets.forEach(this::addValue);
            return this;
        }

        /** The secrets written in a tree: {@link #addSecretsOf(ConfigNode, ConfigNode)} with no real values. */
        public Builder addSecretsOf(ConfigNode written) {
            collect(written, written, null, false);
            return this;
        }

        /**
         * The secrets of a configuration: every non-empty scalar under a secret key ({@link SecretMasker#isSecret})
         * as written, the values it replaced during merging included, and, from {@code real} (the same tree with
         * {@code ENC[...]} values decrypted and {@code ${VAR}} references resolved), the real value at the path of
         * each secret and of each encrypted value wherever it sits. A value written as exactly one {@code ${VAR}}
         * reference, or as {@code ENC[...]}, names or hides a secret and is not itself masked; the literal default
         * of {@code ${VAR:-default}} is.
         */
        public Builder addSecretsOf(ConfigNode written, ConfigNode real) {
            collect(written, real, ConfigPath.root(), false);
            return this;
        }

        /**
         * Walks {@code node}; {@code real} is either the root of the real tree, looked up at {@code path}, or, when
         * {@code path} is null, the real node for {@code node} itself (the written tree is the real tree: no
         * paths are built).
         */
        private void collect(ConfigNode node, ConfigNode real, ConfigPath path, boolean secret) {
            for (ConfigNode old : node.overridden()) {
                collect(old, null, path == null ? ConfigPath.root() : path, secret);
            }
            if (node instanceof ConfigMap m) {
                m.entries().forEach((k, v) -> collect(v, path == null ? v : real, path == null ? null : path.child(k),
                        secret || secrets.isSecretKey(k)));
            } else if (node instanceof ConfigList l) {
                for (int i = 0; i < l.size(); i++) {
                    collect(l.get(i), path == null ? l.get(i) : real, path == null ? null : path.child(i), secret);
                }
            } else {
                ConfigNode realScalar = real == null ? null : path == null ? real : ConfigNodes.at(real, path);
                addScalar((ConfigScalar) node, realScalar, secret);
            }
        }

        private void addScalar(ConfigScalar s, ConfigNode real, boolean secret) {
            if (s.type() == ScalarType.NULL || s.type() == ScalarType.BOOLEAN) {
                return;
            }
            String text = s.asText();
            boolean encrypted = s.type() == ScalarType.STRING && text.startsWith("ENC[") && text.endsWith("]");
            if (!secret && !encrypted) {
                return;
            }
            if (!encrypted && !SecretMasker.isPureReference(s)) {
                addValue(text);
                Matcher d = DEFAULT.matcher(text);
                if (d.matches() && !d.group(1).contains("${")) {
                    addValue(d.group(1));
                }
            }
            if (real instanceof ConfigScalar r && !r.isNull() && r.type() != ScalarType.BOOLEAN) {
                String value = r.asText();
                if (!value.equals(text)) {
                    addValue(value);
                }
            }
            if (encrypted) {
                addOpened(text);
            }
        }

        private void addOpened(String encrypted) {
            try {
                String plain = open.apply(encrypted);
                if (!plain.equals(encrypted)) {
                    addValue(plain);
                }
            } catch (RuntimeException e) {
                // a value that does not open is no known secret; the command that needs it reports that
            }
        }

        /** The masker of every value added so far, each in all its forms. */
        public OutputMasker build() {
            return of(values, true);
        }
    }

}
