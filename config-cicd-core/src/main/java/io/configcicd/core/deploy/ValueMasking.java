package io.configcicd.core.deploy;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;

/**
 * How a plan shows an entry's value: {@code ******} for an entry under a secret key (its value may be resolved),
 * every other value through the run's masker (which knows every secret value, resolved ones included).
 */
record ValueMasking(SecretMasker keys, OutputMasker values) {

    String show(String entry, String value) {
        return isSecret(entry) ? SecretMasker.MASK : values.mask(value);
    }

    boolean isSecret(String entry) {
        try {
            return keys.isSecret(ConfigPath.parse(entry));
        } catch (RuntimeException e) {
            int dot = entry.lastIndexOf('.');
            return keys.isSecretKey(dot < 0 ? entry : entry.substring(dot + 1));
        }
    }

    /**
     * Whether the journal must not keep an entry's value: a secret entry of a {@code secrets: resolve} target (its
     * value is resolved), or any value the masker would change (it holds a known secret value).
     */
    boolean withheld(String entry, String value, boolean resolved) {
        return resolved && isSecret(entry) || !values.mask(value).equals(value);
    }
}
