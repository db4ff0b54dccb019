package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 items 2 (the permission half) and 3: rekey needs write on every environment whose files it rewrites;
 * decrypt of a value needs reveal on every environment whose files hold it, and of a value no file holds, reveal on
 * every environment or admin.
 */
class SecretsAccessTest {

    private static final String PROD_SECRET = "prod-Pa55-Secret-31337";
    private static final String DEV_SECRET = "dev-Pa55-Secret-4242";
    private static final String LOOSE_SECRET = "loose-Pa55-Secret-777";

    @TempDir
    Path tmp;

    private PolicyRepo repo;
    private SecretKeyMaterial key;
    private String prodEnc;
    private String devEnc;

    @BeforeEach
    void encryptedValuesInDevelopmentAndProduction() throws Exception {
        repo = PolicyRepo.create(tmp);
        key = SecretKeyMaterial.generate();
        prodEnc = encrypt(PROD_SECRET);
        devEnc = encrypt(DEV_SECRET);
        repo.replace("environments/production.yaml", "uri: bolt+s://neo4j.prod.internal:7687",
                "uri: bolt+s://neo4j.prod.internal:7687\n    password: " + prodEnc);
        repo.replace("environments/development.yaml", "password: \"${NEO4J_PASSWORD:-neo4j-dev}\"",
                "password: " + devEnc);
        repo.commitAll("encrypted database passwords");
    }

    private String encrypt(String plain) {
        CliRun r = as("carol", "encrypt", "--value", plain);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().trim();
    }

    private CliRun as(String user, String... args) {
        return repo.run(Map.of("CONFIG_CICD_USER", user, "CONFIG_CICD_KEY", key.toBase64()), args);
    }

    @Test
    void dave_may_not_rekey_because_the_rekey_rewrites_productions_secrets() throws Exception {
        String production = repo.read("environments/production.yaml");
        Map<String, String> env = new HashMap<>(Map.of("CONFIG_CICD_USER", "dave", "CONFIG_CICD_KEY", key.toBase64(),
                "CONFIG_CICD_NEW_KEY", SecretKeyMaterial.generate().toBase64()));

        CliRun r = repo.run(env, "rekey");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.err()).contains("'dave'").contains("write").contains("production");
        assertThat(repo.read("environments/production.yaml")).isEqualTo(production);
        assertThat(repo.read("environments/development.yaml")).contains(devEnc);
    }

    @Test
    void carol_who_may_write_everywhere_rekeys_every_file() throws Exception {
        SecretKeyMaterial next = SecretKeyMaterial.generate();
        CliRun r = repo.run(Map.of("CONFIG_CICD_USER", "carol", "CONFIG_CICD_KEY", key.toBase64(),
                "CONFIG_CICD_NEW_KEY", next.toBase64()), "rekey");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(repo.read("environments/production.yaml")).contains("kid:" + next.keyId()).doesNotContain(prodEnc);
    }

    @Test
    void erin_may_not_decrypt_a_value_copied_from_production_yaml() throws Exception {
        CliRun r = as("erin", "decrypt", "--value", prodEnc);

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out() + r.err()).doesNotContain(PROD_SECRET);
        assertThat(r.err()).contains("'erin'").contains("reveal").contains("production")
                .contains("environments/production.yaml");
        JsonNode denied = repo.audit().get(repo.audit().size() - 1);
        assertThat(denied.path("command").asString()).isEqualTo("decrypt");
        assertThat(denied.path("result").asString()).isEqualTo("denied: reveal");
        assertThat(denied.path("name").asString()).isEqualTo("production");
    }

    @Test
    void erin_may_decrypt_a_value_of_development_and_the_audit_line_names_the_environment() throws Exception {
        CliRun r = as("erin", "decrypt", "--value", devEnc);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo(DEV_SECRET);
        JsonNode line = repo.audit().get(repo.audit().size() - 1);
        assertThat(line.path("command").asString()).isEqualTo("decrypt");
        assertThat(line.path("result").asString()).startsWith("ok");
        assertThat(line.path("name").asString()).isEqualTo("development");
        assertThat(line.path("details").path("files").asString()).isEqualTo("environments/development.yaml");
        assertThat(Files.readString(repo.file(".config-cicd/audit/audit.jsonl"))).doesNotContain(DEV_SECRET);
    }

    @Test
    void a_value_copied_into_development_too_still_needs_reveal_on_production() throws Exception {
        repo.replace("environments/development.yaml", "password: " + devEnc, "password: " + prodEnc);

        assertThat(as("erin", "decrypt", "--value", prodEnc).exitCode()).isEqualTo(4);
        assertThat(as("carol", "decrypt", "--value", prodEnc).out().trim()).isEqualTo(PROD_SECRET);
    }

    @Test
    void a_value_in_global_base_yaml_needs_reveal_on_every_environment() throws Exception {
        String globalEnc = encrypt(LOOSE_SECRET);
        repo.replace("global/base.yaml", "password: \"${NEO4J_PASSWORD}\"", "password: " + globalEnc);

        assertThat(as("erin", "decrypt", "--value", globalEnc).exitCode()).isEqualTo(4);
        assertThat(as("carol", "decrypt", "--value", globalEnc).out().trim()).isEqualTo(LOOSE_SECRET);
    }

    @Test
    void a_free_standing_value_needs_reveal_on_every_environment_or_admin() throws Exception {
        String loose = encrypt(LOOSE_SECRET);

        CliRun erin = as("erin", "decrypt", "--value", loose);
        assertThat(erin.exitCode()).as(erin.out() + erin.err()).isEqualTo(4);
        assertThat(erin.err()).contains("in no file").contains("admin");
        assertThat(as("carol", "decrypt", "--value", loose).out().trim()).isEqualTo(LOOSE_SECRET);
        JsonNode line = repo.audit().get(repo.audit().size() - 1);
        assertThat(line.path("name").asString()).isEqualTo("development, production, staging");
    }

    @Test
    void admin_alone_may_decrypt_a_free_standing_value() throws Exception {
        repo.replace("config-cicd.yaml", "  bindings:\n", "    keeper: {permissions: [read, admin]}\n  bindings:\n"
                + "    kim: [keeper]\n");
        String loose = encrypt(LOOSE_SECRET);

        CliRun kim = as("kim", "decrypt", "--value", loose);
        assertThat(kim.exitCode()).as(kim.out() + kim.err()).isZero();
        assertThat(kim.out().trim()).isEqualTo(LOOSE_SECRET);
        assertThat(as("kim", "decrypt", "--value", prodEnc).exitCode()).as("admin is not reveal").isEqualTo(4);
    }
}
