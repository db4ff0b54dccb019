package io.configcicd.core.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    private static final Map<String, String> ALL = Map.of(
            "CONFIG_CICD_USER", "explicit",
            "GITHUB_ACTOR", "octocat",
            "GITLAB_USER_LOGIN", "tanuki",
            "BUILD_USER_ID", "jenkins-user");

    @Test
    void configCicdUserWinsOverEverything() {
        assertThat(Principal.resolve(ALL, "os")).isEqualTo(new Principal("explicit", "CONFIG_CICD_USER"));
    }

    @Test
    void ciVariablesFollowInOrderGithubGitlabJenkins() {
        Map<String, String> env = new HashMap<>(ALL);
        env.remove("CONFIG_CICD_USER");
        assertThat(Principal.resolve(env, "os").name()).isEqualTo("octocat");
        env.remove("GITHUB_ACTOR");
        assertThat(Principal.resolve(env, "os").name()).isEqualTo("tanuki");
        env.remove("GITLAB_USER_LOGIN");
        assertThat(Principal.resolve(env, "os")).isEqualTo(new Principal("jenkins-user", "BUILD_USER_ID"));
        env.remove("BUILD_USER_ID");
        assertThat(Principal.resolve(env, "os")).isEqualTo(new Principal("os", Principal.OS_USER));
    }

    @Test
    void blankValuesAreSkippedAndNamesTrimmed() {
        Principal p = Principal.resolve(Map.of("CONFIG_CICD_USER", "  ", "GITHUB_ACTOR", "", "GITLAB_USER_LOGIN", " tanuki "), "os");
        assertThat(p).isEqualTo(new Principal("tanuki", "GITLAB_USER_LOGIN"));
    }

    @Test
    void nothingAtAllIsUnknown() {
        assertThat(Principal.resolve(Map.of(), null)).isEqualTo(new Principal("unknown", "unknown"));
        assertThat(Principal.resolve(Map.of(), " ").name()).isEqualTo("unknown");
    }
}
