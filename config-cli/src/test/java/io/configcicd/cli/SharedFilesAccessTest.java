package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 1: a write that changes a file several environments read (global/*, schemas/*) needs the permission
 * on every one of them and validates every one; a change to config-cicd.yaml needs admin. Played by the issue's
 * cast on a real git repository.
 */
class SharedFilesAccessTest {

    private static final String DEBUG_OFF = "  kgot_service:\n    port: 8081\n    host: 0.0.0.0\n    debug: false";
    private static final String DEBUG_ON = "  kgot_service:\n    port: 8081\n    host: 0.0.0.0\n    debug: true";
    private static final String HTTPS_URL = "description: Alita agents with Knowledge Graph of Thoughts reasoning";
    private static final String HTTP_URL = "description: http://wiki.example.com/alita";

    @TempDir
    Path tmp;

    /** An old version without the access section and with debug and an http:// URL in global/base.yaml. */
    private String insecureVersionWithoutAccess(PolicyRepo repo) throws Exception {
        String withAccess = repo.read("config-cicd.yaml");
        repo.write("config-cicd.yaml", withAccess.replace(PolicyRepo.ACCESS, "\n"));
        repo.replace("global/base.yaml", DEBUG_OFF, DEBUG_ON);
        repo.replace("global/base.yaml", HTTPS_URL, HTTP_URL);
        String old = repo.commitAll("an old version: no access section, debug on, plain http");
        repo.write("config-cicd.yaml", withAccess);
        repo.replace("global/base.yaml", DEBUG_ON, DEBUG_OFF);
        repo.replace("global/base.yaml", HTTP_URL, HTTPS_URL);
        repo.replace("environments/development.yaml", "verbose_logging: true", "verbose_logging: false");
        repo.commitAll("the access policy back, debug off, https, quieter development");
        return old;
    }

    @Test
    void erin_may_not_roll_development_back_to_a_version_whose_shared_files_change_production() throws Exception {
        PolicyRepo repo = PolicyRepo.create(tmp);
        String old = insecureVersionWithoutAccess(repo);
        String head = repo.git("rev-parse", "HEAD");
        String settings = repo.read("config-cicd.yaml");

        CliRun r = repo.as("erin", "rollback", "--scope", "global", "--name", "development", "--to-version", old);

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.err()).contains("'erin'").contains("rollback").contains("production").contains("global/base.yaml");
        assertThat(repo.read("config-cicd.yaml")).isEqualTo(settings);
        assertThat(repo.read("global/base.yaml")).contains(DEBUG_OFF).contains(HTTPS_URL);
        assertThat(repo.git("rev-parse", "HEAD")).isEqualTo(head);
        CliRun set = repo.as("erin", "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "9");
        assertThat(set.exitCode()).isEqualTo(4);
        assertThat(repo.audit()).anySatisfy(l -> {
            assertThat(l.path("principal").asString()).isEqualTo("erin");
            assertThat(l.path("command").asString()).isEqualTo("rollback");
            assertThat(l.path("result").asString()).isEqualTo("denied: rollback");
        });
    }

    @Test
    void erin_may_still_roll_back_developments_own_file() throws Exception {
        PolicyRepo repo = PolicyRepo.create(tmp);
        repo.replace("environments/development.yaml", "verbose_logging: true", "verbose_logging: false");
        repo.commitAll("quieter development");

        CliRun r = repo.as("erin", "rollback", "--scope", "global", "--name", "development");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("restored environments/development.yaml").doesNotContain("restored global/")
                .doesNotContain("config-cicd.yaml");
        assertThat(repo.read("environments/development.yaml")).contains("verbose_logging: true");
    }

    @Test
    void a_rollback_that_changes_a_shared_file_validates_every_environment_it_affects() throws Exception {
        PolicyRepo repo = PolicyRepo.create(tmp);
        repo.replace("global/base.yaml", DEBUG_OFF, DEBUG_ON);
        repo.replace("global/base.yaml", HTTPS_URL, HTTP_URL);
        String old = repo.commitAll("debug on, plain http");
        repo.replace("global/base.yaml", DEBUG_ON, DEBUG_OFF);
        repo.replace("global/base.yaml", HTTP_URL, HTTPS_URL);
        repo.commitAll("debug off, https");

        CliRun r = repo.as("carol", "rollback", "--scope", "global", "--name", "development", "--to-version", old);

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("production").contains("security.debug").contains("security.https");
        assertThat(repo.read("global/base.yaml")).contains(DEBUG_OFF).contains(HTTPS_URL);
    }

    @Test
    void a_rollback_that_restores_config_cicd_yaml_needs_admin() throws Exception {
        PolicyRepo repo = PolicyRepo.create(tmp, PolicyRepo.ACCESS_WITH_OWNER);
        String old = repo.git("rev-parse", "HEAD").trim();
        repo.replace("config-cicd.yaml", "fail_on: error", "fail_on: critical");
        repo.commitAll("findings fail only at critical");

        CliRun carol = repo.as("carol", "rollback", "--scope", "global", "--name", "development", "--to-version", old);
        assertThat(carol.exitCode()).as(carol.out() + carol.err()).isEqualTo(4);
        assertThat(carol.err()).contains("'carol'").contains("admin").contains("config-cicd.yaml");
        assertThat(repo.read("config-cicd.yaml")).contains("fail_on: critical");

        CliRun olivia = repo.as("olivia", "rollback", "--scope", "global", "--name", "development", "--to-version", old);
        assertThat(olivia.exitCode()).as(olivia.out() + olivia.err()).isZero();
        assertThat(repo.read("config-cicd.yaml")).contains("fail_on: error");
    }

    @Test
    void dave_may_not_fix_a_plaintext_secret_in_global_base_yaml() throws Exception {
        PolicyRepo repo = PolicyRepo.create(tmp);
        repo.replace("global/base.yaml", "password: \"${NEO4J_PASSWORD}\"", "password: \"Plain-Text-Pa55\"");
        repo.commitAll("a plaintext secret in the shared base");
        String base = repo.read("global/base.yaml");

        CliRun r = repo.as("dave", "validate", "--environment", "development", "--fix");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.err()).contains("'dave'").contains("write").contains("production").contains("global/base.yaml");
        assertThat(repo.read("global/base.yaml")).isEqualTo(base);
    }

    @Test
    void dave_may_fix_developments_own_file_and_carols_fix_of_the_base_revalidates_production() throws Exception {
        PolicyRepo repo = PolicyRepo.create(tmp);
        repo.replace("environments/development.yaml", "password: \"${NEO4J_PASSWORD:-neo4j-dev}\"",
                "password: \"Dev-Only-Pa55\"");
        repo.commitAll("a plaintext secret in development");

        CliRun dave = repo.as("dave", "validate", "--environment", "development", "--fix");
        assertThat(dave.exitCode()).as(dave.out() + dave.err()).isNotEqualTo(4);
        assertThat(repo.read("environments/development.yaml")).doesNotContain("Dev-Only-Pa55");

        repo.replace("global/base.yaml", "password: \"${NEO4J_PASSWORD}\"", "password: \"Plain-Text-Pa55\"");
        CliRun carol = repo.as("carol", "--format", "json", "validate", "--environment", "development", "--fix");
        assertThat(carol.exitCode()).as(carol.out() + carol.err()).isNotEqualTo(4);
        assertThat(repo.read("global/base.yaml")).doesNotContain("Plain-Text-Pa55");
        assertThat(carol.out()).contains("\"production\"");
    }
}
