package io.configcicd.cli;

import io.configcicd.core.api.DecryptOutcome;
import io.configcicd.core.api.DecryptRequest;
import io.configcicd.core.api.EncryptOutcome;
import io.configcicd.core.api.EncryptRequest;
import io.configcicd.core.api.SecretsService;
import io.configcicd.core.api.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code encrypt --value V} and {@code decrypt --value ENC[...]}: AES-256-GCM with the key of {@code CONFIG_CICD_KEY}
 * or {@code --key-file}, through {@link SecretsService} (which checks access and audits: encrypting without the value,
 * decrypting with the reveal permission).
 */
final class EncryptCommand {

    private EncryptCommand() {
    }

    /** The key options both commands share. */
    static final class KeyOptions {
        @Option(names = "--key-file", paramLabel = "FILE",
                description = "A file holding the base64 key (default: the CONFIG_CICD_KEY variable).")
        Path keyFile;
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
            EncryptRequest request = EncryptRequest.of(value);
            EncryptOutcome outcome = new SecretsService().encrypt(workspace,
                    key.keyFile == null ? request : request.withKeyFile(key.keyFile));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("value", outcome.value());
            json.put("key_id", outcome.keyId());
            output.result(json, () -> outcome.value() + "\n");
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
            DecryptRequest request = DecryptRequest.of(value);
            DecryptOutcome outcome = new SecretsService().decrypt(workspace,
                    key.keyFile == null ? request : request.withKeyFile(key.keyFile));
            if (outcome.revealed()) {
                cli().revealSecrets();
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("value", outcome.value());
            output.result(json, () -> outcome.value() + "\n");
        }
    }
}
