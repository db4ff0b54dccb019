package io.configcicd.core.validate.schema;

import io.configcicd.core.load.Interpolator;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretInventory;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.crypto.EncryptedValue;
import io.configcicd.core.security.crypto.SecretCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The secrets of the files {@code validate --schema} reads, collected as each file is parsed, for the masker of every
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

    /** Adds the secrets of one parsed document. */
    void add(ConfigNode tree) {
        List<String> real = new ArrayList<>();
        for (EncryptedValue e : EncryptedValue.findAll(tree)) {
            String plain = opener.apply(e.text());
            if (!plain.equals(e.text())) {
                real.add(plain);
            }
        }
        for (ConfigMap map : topMaps(tree, new ArrayList<>())) {
            for (Interpolator.Reference r : Interpolator.references(map)) {
                if (keys.isSecret(r.path())) {
                    real.add(env.get(r.variable()));
                }
            }
        }
        synchronized (builder) {
            builder.addSecretsOf(tree);
            real.forEach(builder::addValue);
        }
    }

    /** The masker of every secret added so far. */
    OutputMasker masker() {
        synchronized (builder) {
            return builder.build();
        }
    }

    /** The mappings of a tree that are its root or reached through lists only (a file may hold a list). */
    private static List<ConfigMap> topMaps(ConfigNode node, List<ConfigMap> out) {
        if (node instanceof ConfigMap m) {
            out.add(m);
        } else if (node instanceof ConfigList l) {
            l.items().forEach(item -> topMaps(item, out));
        }
        return out;
    }
}
