package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.crypto.KeyRing;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rekey checks every value before it writes any file, and names the variable or file a bad new key came from. */
class RekeyCommandTest {

    @TempDir
    Path tmp;

    private final SecretKeyMaterial oldKey = SecretKeyMaterial.generate();
    private final SecretKeyMaterial newKey = SecretKeyMaterial.generate();
    private final SecretKeyMaterial thirdKey = SecretKeyMaterial.generate();

    private static String encrypted(SecretKeyMaterial key, String plain) {
        return new SecretCipher(KeyRing.of(key)).encrypt(plain);
    }

    /** development.yaml holds a value under the old key, production.yaml one under a third key (line 3). */
    private Path mixedKeys() throws Exception {
        Path config = CliRun.copyOfExamples(tmp);
        Files.writeString(config.resolve("environments/development.yaml"),
                "database:\n  graph_store:\n    password: " + encrypted(oldKey, "dev-pw-1") + "\n");
        Files.writeString(config.resolve("environments/production.yaml"),
                "database:\n  graph_store:\n    password: " + encrypted(thirdKey, "prod-pw-2") + "\n");
        return config;
    }

    @Test
    void a_value_under_a_third_key_stops_the_rekey_before_any_file_is_written() throws Exception {
        Path config = mixedKeys();
        Path newKeyFile = tmp.resolve("new.key");
        Files.writeString(newKeyFile, newKey.toBase64() + "\n");
        String development = Files.readString(config.resolve("environments/development.yaml"));
        String production = Files.readString(config.resolve("environments/production.yaml"));

        CliRun rekey = CliRun.run(Map.of("CONFIG_CICD_KEY", oldKey.toBase64()), "--config-dir", config.toString(),
                "rekey", "--new-key-file", newKeyFile.toString());

        assertThat(rekey.exitCode()).as(rekey.err()).isEqualTo(2);
        assertThat(rekey.err()).contains("environments/production.yaml:3").contains(thirdKey.keyId())
                .contains("no file was written").doesNotContain("Exception").doesNotContain("prod-pw-2");
        assertThat(Files.readString(config.resolve("environments/development.yaml"))).isEqualTo(development);
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).isEqualTo(production);
    }

    @Test
    void a_malformed_new_key_in_the_environment_is_named_as_config_cicd_new_key() throws Exception {
        Path config = mixedKeys();

        CliRun rekey = CliRun.run(Map.of("CONFIG_CICD_KEY", oldKey.toBase64(), "CONFIG_CICD_NEW_KEY", "c2hvcnQ="),
                "--config-dir", config.toString(), "rekey");

        assertThat(rekey.exitCode()).as(rekey.err()).isEqualTo(2);
        assertThat(rekey.err()).contains("CONFIG_CICD_NEW_KEY decodes to 5 bytes").doesNotContain("CONFIG_CICD_KEY ");
    }

    @Test
    void a_missing_new_key_file_names_the_new_key_file_option() throws Exception {
        Path config = mixedKeys();

        CliRun rekey = CliRun.run(Map.of("CONFIG_CICD_KEY", oldKey.toBase64()), "--config-dir", config.toString(),
                "rekey", "--new-key-file", tmp.resolve("missing.key").toString());

        assertThat(rekey.exitCode()).as(rekey.err()).isEqualTo(2);
        assertThat(rekey.err()).contains("missing.key does not exist").contains("--new-key-file")
                .doesNotContain("check --key-file");
    }
}
