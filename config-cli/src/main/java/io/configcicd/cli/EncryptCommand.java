package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.FileReach;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.security.crypto.KeyLoader;
import io.configcicd.core.security.crypto.SecretCipher;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code encrypt --value V} and {@code decrypt --value ENC[...]}: AES-256-GCM with the key of {@code CONFIG_CICD_KEY}
 * or {@code --key-file}. Encrypting is audited without the value; decrypting needs the reveal permission and is audited.
 */
final class EncryptCommand {

    private EncryptCommand() {
    }

    /** The key options both commands share. */
    static final class KeyOptions {
        @Option(names = "--key-file", paramLabel = "FILE",
                description = "A file holding the base64 key (default: the CONFIG_CICD_KEY variable).")
        Path keyFile;

        SecretCipher cipher(Map<String, String> env) {
            return new SecretCipher(KeyLoader.require(env, Optional.ofNullable(keyFile)));
        }
    }

    @Command(name = "encrypt", description = "Print ENC[...] for a value: paste it under a secret key in a configuration "
            + "file. The key comes from CONFIG_CICD_KEY (base64, 32 bytes; openssl rand -base64 32) or --key-file.")
    static final class Encrypt extends ConfigCommand {

        @Option(names = "--value", required = true, paramLabel = "VALUE", description = "The secret to encrypt.")
        private String value;

        @picocli.CommandLine.Mixin
        private KeyOptions key = new KeyOptions();

        @Override
        protected void execute(Workspace workspace, Output output) {
            ConfigurationManager manager = workspace.manager();
            Governance governance = workspace.governance();
            governance.require(Permission.WRITE, AccessPolicy.ANY_ENVIRONMENT, "encrypt");
            if (value.isEmpty()) {
                throw ConfigCicdException.badInput("--value is empty", "give the secret to encrypt");
            }
            SecretCipher cipher = key.cipher(cli().env());
            String enc = cipher.encrypt(value);
            governance.record("encrypt", "", "", "", Optional.empty(), Optional.empty(), AuditEvent.OK + ": key " + cipher.keyId());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("value", enc);
            json.put("key_id", cipher.keyId());
            output.result(json, () -> enc + "\n");
        }
    }

    @Command(name = "decrypt", description = {"Print the plaintext of an ENC[...] value (audited).",
            "Needs the reveal permission on every environment whose files hold the value (a value in global/ is every"
                    + " environment's); a value that no file holds needs reveal on every environment, or admin."})
    static final class Decrypt extends ConfigCommand {

        @Option(names = "--value", required = true, paramLabel = "ENC", description = "The ENC[...] value.")
        private String value;

        @picocli.CommandLine.Mixin
        private KeyOptions key = new KeyOptions();

        @Override
        protected void execute(Workspace workspace, Output output) {
            ConfigurationManager manager = workspace.manager();
            Governance governance = workspace.governance();
            if (!SecretCipher.isEncrypted(value)) {
                throw ConfigCicdException.badInput("--value is not an ENC[...] value", "pass the whole ENC[...] text, quoted");
            }
            FileReach reach = governance.requireDecrypt(manager.directory(), value.strip(), "decrypt");
            String plain = key.cipher(cli().env()).decrypt(value);
            governance.record("decrypt", reach, AuditEvent.OK + ": key " + SecretCipher.keyIdOf(value));
            cli().revealSecrets();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("value", plain);
            output.result(json, () -> plain + "\n");
        }
    }
}
