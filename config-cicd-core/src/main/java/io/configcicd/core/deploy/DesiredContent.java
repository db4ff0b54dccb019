package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.crypto.Decryptor;
import io.configcicd.core.security.crypto.EncryptedValue;
import io.configcicd.core.security.crypto.KeyLoader;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.external.ExternalSecretInterpolator;
import io.configcicd.core.security.external.ResolvingVariableSource;
import io.configcicd.core.store.ContentEncoder;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a target receives (ARCHITECTURE 3a): the effective configuration as written in git for {@code secrets:
 * reference} ({@code ${VAR}} text and {@code ENC[...]} kept), or with every {@code ENC[...]} decrypted (key from
 * {@code CONFIG_CICD_KEY}) and every {@code ${VAR}}, {@code ${vault:...}} and {@code ${aws-sm:...}} resolved for
 * {@code secrets: resolve}; plus the real values it resolved, which the run's masker must learn before anything is
 * printed. Also resolves {@code ${VAR}} in a target's options ({@code url: ${REDIS_URL}}).
 *
 * <p>It also tells the store which entries hold secrets ({@link StoreState#secretEntries()}): for the {@code keys}
 * layout the entries whose path a secret key pattern of the settings matches; for the {@code document} layout
 * nothing (one document is one value: a store that keeps secrets apart keeps the whole document with them).
 */
final class DesiredContent {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** The tree a target receives, its encoding, and the secret values resolved for it. */
    record Built(ConfigMap tree, StoreContent content, OutputMasker resolved, Optional<Set<String>> secretEntries) {
        Built(ConfigMap tree, StoreContent content, OutputMasker resolved, SecretMasker keys) {
            this(tree, content, resolved, DesiredContent.secretEntries(content, keys));
        }
    }

    private DesiredContent() {
    }

    static Built build(ConfigMap effective, TargetSpec spec, Map<String, String> env, SecretMasker keys) {
        if (spec.secrets() == SecretsMode.REFERENCE) {
            return new Built(effective, ContentEncoder.encode(effective, spec), OutputMasker.none(), keys);
        }
        ConfigNode decrypted = effective;
        if (!EncryptedValue.findAll(effective).isEmpty()) {
            decrypted = new Decryptor(new SecretCipher(KeyLoader.require(env, Optional.empty()))).decrypt(effective);
        }
        ConfigMap real = new ExternalSecretInterpolator(ResolvingVariableSource.standard(env))
                .resolve((ConfigMap) decrypted);
        OutputMasker resolved = OutputMasker.builder(keys).addSecretsOf(effective, real).build();
        return new Built(real, ContentEncoder.encode(real, spec), resolved, keys);
    }

    /**
     * The names of the entries of {@code keys} content whose path a secret key pattern matches; empty (not told) for
     * a document.
     */
    static Optional<Set<String>> secretEntries(StoreContent content, SecretMasker keys) {
        if (!(content instanceof StoreContent.Keys k)) {
            return Optional.empty();
        }
        Set<String> out = new TreeSet<>();
        for (String name : k.entries().keySet()) {
            if (keys.isSecret(ConfigPath.parse(name))) {
                out.add(name);
            }
        }
        return Optional.of(out);
    }

    /** The spec with {@code ${VAR}} and {@code ${VAR:-default}} in its options replaced from {@code env}. */
    static TargetSpec withResolvedOptions(TargetSpec spec, Map<String, String> env) {
        return spec.withOptions(text -> {
            Matcher m = VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = env.get(m.group(1));
                if (value == null && m.group(2) == null) {
                    throw ConfigCicdException.badInput("target " + spec.name() + ": the variable " + m.group(1)
                            + " is not set", "set " + m.group(1) + " in the environment of the deploy");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group(2)));
            }
            return m.appendTail(out).toString();
        });
    }
}
