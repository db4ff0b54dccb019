package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Issue 11 item 5: in CI the CI system's identity is the principal; CONFIG_CICD_USER cannot override it. */
class PrincipalSpoofingTest {

    @TempDir
    java.nio.file.Path tmp;

    private PolicyRepo repo;

    @BeforeEach
    void repository() throws Exception {
        repo = PolicyRepo.create(tmp);
    }

    private CliRun setProduction(Map<String, String> env) {
        return repo.run(env, "set", "--scope", "global", "--name", "production", "--path", "kgot.reasoning_depth",
                "--value", "9");
    }

    @Test
    void github_actor_mallory_cannot_borrow_carols_name_through_config_cicd_user() throws Exception {
        CliRun r = setProduction(Map.of("GITHUB_ACTIONS", "true", "GITHUB_ACTOR", "mallory", "CONFIG_CICD_USER", "carol"));

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.err()).contains("'mallory'");
        assertThat(repo.read("environments/production.yaml")).contains("reasoning_depth: 4");
        JsonNode denied = repo.audit().get(repo.audit().size() - 1);
        assertThat(denied.path("principal").asString()).isEqualTo("mallory");
        assertThat(denied.path("result").asString()).isEqualTo("denied: write");
        assertThat(denied.path("details").path("principal_source").asString()).isEqualTo("GITHUB_ACTOR");
        assertThat(denied.path("details").path("ci_actor").asString()).isEqualTo("mallory");
        assertThat(denied.path("details").path("requested_user").asString()).isEqualTo("carol");
    }

    @Test
    void a_stray_github_actor_outside_actions_also_wins_over_config_cicd_user() {
        assertThat(setProduction(Map.of("GITHUB_ACTOR", "mallory", "CONFIG_CICD_USER", "carol")).exitCode())
                .isEqualTo(4);
    }

    @Test
    void gitlab_user_login_wins_over_config_cicd_user() throws Exception {
        CliRun r = setProduction(Map.of("GITLAB_CI", "true", "GITLAB_USER_LOGIN", "mallory", "CONFIG_CICD_USER", "carol"));

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(repo.audit()).last().satisfies(l -> {
            assertThat(l.path("principal").asString()).isEqualTo("mallory");
            assertThat(l.path("details").path("principal_source").asString()).isEqualTo("GITLAB_USER_LOGIN");
        });
    }

    @Test
    void the_ci_actor_who_holds_the_role_may_write_and_every_line_says_where_the_name_came_from() throws Exception {
        CliRun r = setProduction(Map.of("GITHUB_ACTIONS", "true", "GITHUB_ACTOR", "carol"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> lines = repo.audit();
        assertThat(lines).isNotEmpty().allSatisfy(l -> {
            assertThat(l.path("principal").asString()).isEqualTo("carol");
            assertThat(l.path("details").path("principal_source").asString()).isEqualTo("GITHUB_ACTOR");
            assertThat(l.path("details").path("ci_actor").asString()).isEqualTo("carol");
            assertThat(l.path("details").has("requested_user")).isFalse();
        });
    }

    @Test
    void on_a_laptop_config_cicd_user_names_the_principal_and_the_line_says_so() throws Exception {
        assertThat(repo.as("carol", "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "9").exitCode()).isZero();
        assertThat(repo.audit()).last().satisfies(l -> {
            assertThat(l.path("principal").asString()).isEqualTo("carol");
            assertThat(l.path("details").path("principal_source").asString()).isEqualTo("CONFIG_CICD_USER");
            assertThat(l.path("details").has("ci_actor")).isFalse();
        });
    }

    @Test
    void a_principal_named_like_a_group_binding_gets_none_of_the_groups_roles() throws Exception {
        repo.replace("config-cicd.yaml", "  bindings:\n", "  groups:\n    platform: [carol]\n  bindings:\n"
                + "    \"group:platform\": [operator]\n");

        CliRun r = repo.as("group:platform", "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "9");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(repo.read("environments/production.yaml")).contains("reasoning_depth: 4");
    }
}
