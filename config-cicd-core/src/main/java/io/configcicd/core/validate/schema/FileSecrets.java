package io.configcicd.core.validate.schema;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretInventory;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.crypto.SecretCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The secrets of the files {@code validate --schema} reads, collected as each document is converted for the validator
 * (in the same walk), for the masker of every
 * output of the run: what {@link SecretInventory} collects from a configuration directory, from these files instead.
 * That is every value under a secret key ({@code secrets.keys}, or the defaults), the plaintext of each
 * {@code ENC[...]} value that {@code CONFIG_CICD_KEY} opens, the values that the process environment gives the
 * {@code ${VAR}} references under secret keys, and the product's own credentials in the environment. The masker
 * masks each in all its encodings, so neither a secret's text nor its base64 reaches a report. Thread safe.
 */
final class FileSecrets {

    private final SecretMasker keys;
    private final Map<String, String> env;
    private final UnaryOperator<String> opener;
    private final OutputMasker.Builder builder;

    FileSecrets(List<String> secretKeys, Map<String, String> env) {
        this.keys = new SecretMasker(secretKeys);
        this.env = Map.copyOf(env);
        this.opener = SecretCipher.opener(env);
        this.builder = OutputMasker.builder(keys);
        SecretInventory.CREDENTIAL_VARIABLES.forEach(v -> builder.addValue(env.get(v)));
    }

    /**
     * The collector of one document's secrets, to pass to {@link JsonTrees#toJson(ConfigNode, JsonTrees.Visitor)}
     * (the walk that converts the document for the validator), then to {@link #add}: the shared builder is only
     * locked for a document that holds a secret (most hold none, or only {@code ${VAR}} references).
     */
    Scan scan() {
        return new Scan();
    }

    /** Adds what a document's walk found. */
    void add(ConfigNode tree, Scan found) {
        if (found.written || !found.real.isEmpty()) {
            synchronized (builder) {
                if (found.written) {
                    builder.addSecretsOf(tree);
                }
                found.real.forEach(builder::addValue);
            }
        }
    }

    /** What a walk found: whether a secret is written in the tree, and the real values behind references. */
    final class Scan implements JsonTrees.Visitor {

        private boolean written;
        private final List<String> real = new ArrayList<>();

        @Override
        public boolean secretKey(String key) {
            return keys.isSecretKey(key);
        }

        @Override
        public void scalar(ConfigScalar s, boolean secret) {
            if (s.type() != ScalarType.STRING) {
                written |= secret && s.type() != ScalarType.NULL && s.type() != ScalarType.BOOLEAN;
                return;
            }
            String text = (String) s.value();
            written |= secret && !SecretCipher.isEncrypted(text) && !SecretMasker.isPureReference(s);
            SecretInventory.realValues(text, secret, env, opener, real::add);
        }
    }

    /** The masker of every secret added so far. */
    OutputMasker masker() {
        synchronized (builder) {
            return builder.build();
        }
    }
}
