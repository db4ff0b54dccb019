package io.configcicd.core.security;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.crypto.KeyLoader;
import io.configcicd.core.security.crypto.SecretCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret a configuration directory knows of, as one {@link OutputMasker} for the outputs of a command: the
 * values written under secret keys in every document (the literal defaults of references included), the plaintext
 * of every {@code ENC[...]} value the key can open, the values that the process environment gives the variables
 * referenced under secret keys, and the credentials in the environment itself ({@code CONFIG_CICD_KEY},
 * {@code VAULT_TOKEN}, {@code AWS_SECRET_ACCESS_KEY}, ...). A document that cannot be read adds nothing: the
 * command reading it reports that error itself.
 */
public final class SecretInventory {

    /** Environment variables whose values are credentials of the product itself. */
    public static final List<String> CREDENTIAL_VARIABLES = List.of("CONFIG_CICD_KEY", "CONFIG_CICD_NEW_KEY",
            "CONFIG_CICD_AUDIT_KEY", "VAULT_TOKEN", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "CONSUL_HTTP_TOKEN", "REDIS_PASSWORD");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)(?::-[^}]*)?}");

    private SecretInventory() {
    }

    /**
     * The masker of a directory's secrets, for a process with environment {@code env}; the key of
     * {@code CONFIG_CICD_KEY}, when it is set and valid, opens the ENC[...] values (a bad key opens none here: the
     * command that needs it reports that).
     */
    public static OutputMasker of(ConfigDirectory directory, Map<String, String> env) {
        Optional<SecretCipher> cipher;
        try {
            cipher = KeyLoader.load(env, Optional.empty()).map(SecretCipher::new);
        } catch (RuntimeException e) {
            cipher = Optional.empty();
        }
        return of(directory, env, cipher);
    }

    /** The masker of a directory's secrets, for a process with environment {@code env}. */
    public static OutputMasker of(ConfigDirectory directory, Map<String, String> env, Optional<SecretCipher> cipher) {
        UnaryOperator<String> open = cipher.map(SecretCipher::opener).orElse(UnaryOperator.identity());
        SecretMasker secrets = new SecretMasker(directory.settings().secretKeys());
        OutputMasker.Builder builder = OutputMasker.builder(secrets);
        CREDENTIAL_VARIABLES.forEach(v -> builder.addValue(env.get(v)));
        List<String> files = new ArrayList<>(directory.globalDocuments());
        for (String e : directory.environments()) {
            directory.environmentDocument(e).ifPresent(files::add);
        }
        try {
            directory.documents(files); // parsed in parallel into the directory's cache
        } catch (RuntimeException e) {
            // read one by one below; a document that does not load adds nothing
        }
        for (String file : files) {
            ConfigMap doc;
            try {
                doc = directory.document(file);
            } catch (RuntimeException e) {
                continue;
            }
            builder.addSecretsOf(doc);
            addReal(doc, false, secrets, env, open, builder);
        }
        return builder.build();
    }

    /** Every string scalar of a document: the real values behind ENC[...] anywhere and ${VAR} under secret keys. */
    private static void addReal(ConfigNode node, boolean secret, SecretMasker secrets, Map<String, String> env,
                                UnaryOperator<String> open, OutputMasker.Builder builder) {
        if (node instanceof ConfigMap m) {
            m.entries().forEach((k, v) -> addReal(v, secret || secrets.isSecretKey(k), secrets, env, open, builder));
        } else if (node instanceof ConfigList l) {
            l.items().forEach(item -> addReal(item, secret, secrets, env, open, builder));
        } else if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            realValues((String) s.value(), secret, env, open, builder::addValue);
        }
    }

    /**
     * The real values a string value stands for, each handed to {@code out}: the plaintext of an {@code ENC[...]}
     * value that {@code open} opens (it returns the text unchanged when it cannot), and, under a secret key, the values
     * the environment gives the variables of its {@code ${VAR}} references. One rule for a configuration directory and
     * for the files of {@code validate --schema}.
     */
    public static void realValues(String text, boolean secret, Map<String, String> env, UnaryOperator<String> open,
                                  Consumer<String> out) {
        if (SecretCipher.isEncrypted(text)) {
            String plain = open.apply(text);
            if (!plain.equals(text)) {
                out.accept(plain);
            }
            return;
        }
        if (secret && text.contains("${")) {
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                String value = env.get(m.group(1));
                if (value != null) {
                    out.accept(value);
                }
            }
        }
    }
}
