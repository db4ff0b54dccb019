package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** encrypt, decrypt, rekey and get --reveal with ENC[...] values in a configuration. */
class SecretsCommandsTest {

    private static final String PLAIN = "db-Password-55871";

    @TempDir
    Path tmp;

    @Test
    void an_encrypted_value_is_revealed_only_with_its_key_and_survives_a_rekey() throws Exception {
        Path config = CliRun.copyOfExamples(tmp);
        SecretKeyMaterial oldKey = SecretKeyMaterial.generate();
        SecretKeyMaterial newKey = SecretKeyMaterial.generate();
        Path newKeyFile = tmp.resolve("new.key");
        Files.writeString(newKeyFile, newKey.toBase64() + "\n");
        Map<String, String> withOld = Map.of("CONFIG_CICD_KEY", oldKey.toBase64());
        Map<String, String> withNew = Map.of("CONFIG_CICD_KEY", newKey.toBase64());

        CliRun encrypt = CliRun.run(withOld, "--config-dir", config.toString(), "encrypt", "--value", PLAIN);
        assertThat(encrypt.exitCode()).as(encrypt.err()).isZero();
        String enc = encrypt.out().trim();
        assertThat(enc).startsWith("ENC[AES256_GCM,kid:" + oldKey.keyId()).doesNotContain(PLAIN);
        Path prod = config.resolve("environments/production.yaml");
        Files.writeString(prod, Files.readString(prod).replace("uri: bolt+s://neo4j.prod.internal:7687",
                "uri: bolt+s://neo4j.prod.internal:7687\n    password: " + enc + "   # encrypted"));

        assertThat(CliRun.run(withOld, "--config-dir", config.toString(), "validate", "--name", "production").exitCode()).isZero();
        CliRun masked = CliRun.run(withOld, "--config-dir", config.toString(), "get", "--scope", "global", "--name",
                "production", "--path", "database.graph_store");
        assertThat(masked.out()).doesNotContain(PLAIN).contains("password: '******'");
        CliRun revealed = reveal(config, withOld);
        assertThat(revealed.out().trim()).isEqualTo(PLAIN);

        CliRun rekey = CliRun.run(withOld, "--config-dir", config.toString(), "rekey", "--new-key-file", newKeyFile.toString());
        assertThat(rekey.exitCode()).as(rekey.err()).isZero();
        assertThat(rekey.out()).contains("rekeyed environments/production.yaml: 1 value(s)");
        assertThat(Files.readString(prod)).contains("kid:" + newKey.keyId()).doesNotContain(enc).contains("# encrypted");

        CliRun withOldKey = reveal(config, withOld);
        assertThat(withOldKey.exitCode()).isEqualTo(2);
        assertThat(withOldKey.err()).contains(newKey.keyId()).doesNotContain(PLAIN);
        assertThat(reveal(config, withNew).out().trim()).isEqualTo(PLAIN);
        CliRun decrypt = CliRun.run(withOld, "--config-dir", config.toString(), "decrypt", "--value", enc);
        assertThat(decrypt.out().trim()).isEqualTo(PLAIN);

        String audit = Files.readString(config.resolve(".config-cicd/audit/audit.jsonl"));
        assertThat(audit).contains("\"command\":\"encrypt\"").contains("\"command\":\"rekey\"")
                .contains("\"command\":\"decrypt\"").doesNotContain(PLAIN);
    }

    @Test
    void a_missing_or_malformed_key_is_bad_input_with_the_way_to_make_one() throws Exception {
        Path config = CliRun.copyOfExamples(tmp);
        CliRun none = CliRun.run(Map.of(), "--config-dir", config.toString(), "encrypt", "--value", PLAIN);
        CliRun shortKey = CliRun.run(Map.of("CONFIG_CICD_KEY", "c2hvcnQ="), "--config-dir", config.toString(),
                "encrypt", "--value", PLAIN);

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("CONFIG_CICD_KEY").contains("openssl rand -base64 32");
        assertThat(shortKey.exitCode()).isEqualTo(2);
        assertThat(none.out() + none.err() + shortKey.out() + shortKey.err()).doesNotContain(PLAIN);
    }

    private static CliRun reveal(Path config, Map<String, String> env) {
        return CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name", "production",
                "--path", "database.graph_store.password", "--reveal");
    }
}
