package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.crypto.KeyRing;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --schema} (issue 10 items 2, 14, 15, 17), through picocli and the fast path alike: the secrets of the
 * files never reach an output, formats are asserted unless turned off, {@code --ref} documents resolve by
 * {@code $id} offline, missing files are bad input and every document of a multi-document YAML file is validated.
 */
class SchemaModeTest {

    private static final String PASSWORD = "hunter2-Sup3r";
    private static final String ENV_SECRET = "env-Token-Value-7";
    private static final String ENC_SECRET = "opened-Secret-42";
    private static final List<String> FORMATS = List.of("text", "json", "markdown", "junit", "sarif", "gitlab", "github");

    @TempDir
    Path tmp;

    @Test
    void noOutputShowsASecretOfTheFilesInAnyFormatOrReportFile() throws IOException {
        byte[] key = new byte[SecretKeyMaterial.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String encrypted = new SecretCipher(KeyRing.of(SecretKeyMaterial.of(key))).encrypt(ENC_SECRET);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CONFIG_CICD_KEY", Base64.getEncoder().encodeToString(key));
        env.put("API_TOKEN", ENV_SECRET);
        String schema = write("schema.json", """
                {"properties": {"db": {"properties": {
                   "conn": {"type": "string", "pattern": "^mysql://"}, "b64": {"type": "integer"},
                   "password": {"type": "string", "minLength": 40}}},
                 "notes": {"items": {"type": "string", "maxLength": 3}}}}
                """);
        String file = write("app.yaml", "db:\n  password: " + PASSWORD + "\n  conn: postgres://admin:" + PASSWORD
                + "@db.internal/app\n  b64: " + base64(PASSWORD) + "\napi:\n  token: ${API_TOKEN}\n  cert: \"" + encrypted
                + "\"\nnotes: [" + ENV_SECRET + ", " + base64(ENV_SECRET) + ", " + ENC_SECRET + "]\n");

        for (String format : FORMATS) {
            List<String> args = new ArrayList<>(List.of("--format", format, "validate", "--schema", schema, file));
            for (String other : FORMATS) {
                args.addAll(List.of("--report", other + "=" + tmp.resolve(format + "/report." + other)));
            }
            CliRun run = same(env, args.toArray(String[]::new));

            assertThat(run.exitCode()).as(format).isEqualTo(1);
            assertThat(run.out()).as(format).contains("db.conn").contains("postgres://admin:******@db.internal/app");
            StringBuilder all = new StringBuilder(run.out()).append(run.err());
            for (String other : FORMATS) {
                all.append(Files.readString(tmp.resolve(format + "/report." + other)));
            }
            assertThat(all.toString()).as(format).doesNotContain(PASSWORD).doesNotContain(base64(PASSWORD))
                    .doesNotContain(ENV_SECRET).doesNotContain(base64(ENV_SECRET)).doesNotContain(ENC_SECRET);
        }
        String output = tmp.resolve("out.json").toString();
        assertThat(same(env, "--output", output, "--format", "json", "validate", "--schema", schema, file).exitCode())
                .isEqualTo(1);
        assertThat(Files.readString(Path.of(output))).contains("db.conn").doesNotContain(PASSWORD);
    }

    @Test
    void formatsAreAssertedUnlessAnOptionOrTheSettingsTurnThemOff() throws IOException {
        String schema = write("schema.json", "{\"properties\": {\"owner\": {\"format\": \"email\"}}}");
        String file = write("svc.yaml", "owner: platform-team\n");
        String dir = tmp.resolve("configuration").toString();

        CliRun asserted = same(Map.of(), "validate", "--schema", schema, "--config-dir", dir, file);
        assertThat(asserted.exitCode()).isEqualTo(1);
        assertThat(asserted.out()).contains("owner: must be a valid email (found \"platform-team\")");
        assertThat(same(Map.of(), "validate", "--schema", schema, "--validate-formats=false", "--config-dir", dir, file)
                .exitCode()).isZero();

        write("configuration/config-cicd.yaml", "validation:\n  formats: annotate\n");
        assertThat(same(Map.of(), "validate", "--schema", schema, "--config-dir", dir, file).exitCode()).isZero();
        assertThat(same(Map.of(), "validate", "--schema", schema, "--validate-formats", "true", "--config-dir", dir, file)
                .exitCode()).isEqualTo(1);
    }

    @Test
    void refDocumentsResolveByIdAndAnUnresolvableRefIsBadInputNamingIt() throws IOException {
        String kinds = write("elsewhere/kinds.json", """
                {"$id": "https://schemas.example.com/k8s/kinds", "$defs": {"kind": {"enum": ["Deployment"]}}}
                """);
        String schema = write("schema.json", """
                {
                  "properties": {"kind": {"$ref": "https://schemas.example.com/k8s/kinds#/$defs/kind"}}
                }
                """);
        String file = write("app.yaml", "kind: Service\n");

        CliRun resolved = same(Map.of(), "validate", "--schema", schema, "--ref", kinds, file);
        assertThat(resolved.exitCode()).isEqualTo(1);
        assertThat(resolved.out()).contains("kind: must be one of [\"Deployment\"]");

        CliRun unresolved = same(Map.of(), "validate", "--schema", schema, file);
        assertThat(unresolved.exitCode()).isEqualTo(2);
        assertThat(unresolved.out()).isEmpty();
        assertThat(unresolved.err()).startsWith("error: " + schema + ":2:35: "
                        + "$ref \"https://schemas.example.com/k8s/kinds#/$defs/kind\" cannot be resolved")
                .contains("\nhint: give the schema whose \"$id\" is \"https://schemas.example.com/k8s/kinds\" with --ref FILE")
                .doesNotContain("FileNotFoundException").doesNotContain("\tat ");

        CliRun directoryMode = CliRun.run("--config-dir", tmp.toString(), "validate", "--ref", kinds);
        assertThat(directoryMode.exitCode()).isEqualTo(2);
        assertThat(directoryMode.err()).contains("--ref and --validate-formats apply to validate --schema");
    }

    @Test
    void missingFilesAreBadInputAndTheDocumentsOfAManifestAreEachValidated() throws IOException {
        String schema = write("schema.json", "{\"type\": \"object\", \"required\": [\"kind\"]}");
        String manifest = write("app.yaml", "kind: Service\n---\nmetadata: {}\n---\n");
        String empty = write("empty.yaml", "");
        String absent = tmp.resolve("absent.yaml").toString();

        CliRun missing = same(Map.of(), "validate", "--schema", schema, manifest, absent);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("error: " + absent + ": file not found: " + absent
                + "\nhint: check the paths of the files to validate\n");

        CliRun checked = same(Map.of(), "--format", "json", "validate", "--schema", schema, manifest, empty);
        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.out()).contains(manifest + "[2]: (top level): required property 'kind' is missing")
                .contains("(top level): must be a mapping, not a null").doesNotContain(manifest + "[1]");
    }

    /** Runs a command line through picocli and the fast path with {@code env}, checks they agree, returns one. */
    private static CliRun same(Map<String, String> env, String... args) {
        CliRun fast = CliRun.fast(env, args);
        assertThat(fast).as("%s", List.of(args)).isEqualTo(CliRun.run(env, args));
        return fast;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private String write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p.toString();
    }
}
