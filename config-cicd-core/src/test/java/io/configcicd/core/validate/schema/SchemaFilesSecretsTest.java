package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.crypto.KeyRing;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.crypto.SecretKeyMaterial;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --schema} knows the secrets of the files it reads, as directory mode knows a directory's (issue 10
 * item 2): values under secret keys (default {@code secrets.keys}), the plaintext of {@code ENC[...]} values,
 * environment values of {@code ${VAR}} under secret keys, in every encoding, so that no output of the run shows them.
 */
class SchemaFilesSecretsTest {

    private static final String PASSWORD = "hunter2-Sup3r";
    private static final String SCHEMA = """
            {"properties": {"db": {"properties": {
              "conn": {"type": "string", "pattern": "^mysql://"},
              "b64": {"type": "integer"},
              "password": {"type": "string", "minLength": 40}}}}}
            """;

    @TempDir
    Path dir;

    @Test
    void theMaskerHidesEverySecretOfTheFilesInTheirMessages() throws IOException {
        Path file = write("app.yaml", "db:\n  conn: postgres://admin:" + PASSWORD + "@db.internal/app\n  password: " + PASSWORD
                + "\n  b64: " + base64(PASSWORD) + "\n");

        SchemaFiles.Outcome outcome = check(file, Map.of());
        String messages = String.join("\n", outcome.result().findings().stream().map(Finding::message).toList());

        assertThat(outcome.result().findings()).hasSize(3);
        assertThat(messages).contains(PASSWORD).contains(base64(PASSWORD));
        assertThat(outcome.masker().mask(messages)).doesNotContain(PASSWORD).doesNotContain(base64(PASSWORD))
                .contains("postgres://admin:******@db.internal/app");
    }

    @Test
    void theMaskerKnowsEncryptedValuesTheKeyOpensAndVariablesUnderSecretKeys() throws IOException {
        byte[] raw = new byte[SecretKeyMaterial.KEY_BYTES];
        new java.security.SecureRandom().nextBytes(raw);
        SecretKeyMaterial key = SecretKeyMaterial.of(raw);
        String encrypted = new SecretCipher(KeyRing.of(key)).encrypt("opened-Secret-42");
        Path file = write("app.yaml", "api:\n  token: ${API_TOKEN}\n  cert: \"" + encrypted + "\"\n");
        Map<String, String> env = Map.of("CONFIG_CICD_KEY", Base64.getEncoder().encodeToString(raw),
                "API_TOKEN", "env-Token-Value-7");

        OutputMasker masker = check(file, env).masker();

        assertThat(masker.mask("opened-Secret-42 env-Token-Value-7 " + base64("env-Token-Value-7")))
                .isEqualTo("****** ****** ******");
        assertThat(masker.mask(env.get("CONFIG_CICD_KEY"))).isEqualTo("******");
    }

    @Test
    void theSettingsSecretKeysDecideWhatIsSecret() throws IOException {
        Path file = write("app.yaml", "pin: pin-Value-1234\npassword: not-Secret-Here\n");

        OutputMasker masker = SchemaFiles.check(write("schema.json", "{}"), List.of(), List.of(file),
                new SchemaFilesSettings(List.of("pin"), SchemaFilesSettings.DEFAULT.limits(), SchemaOptions.DEFAULT),
                Map.of()).masker();

        assertThat(masker.mask("pin-Value-1234 not-Secret-Here")).isEqualTo("****** not-Secret-Here");
    }

    private SchemaFiles.Outcome check(Path file, Map<String, String> env) throws IOException {
        return SchemaFiles.check(write("schema.json", SCHEMA), List.of(), List.of(file), SchemaFilesSettings.DEFAULT, env);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }
}
