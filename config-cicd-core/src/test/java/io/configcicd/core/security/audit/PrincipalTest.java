package io.configcicd.core.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    private static final Map<String, String> ALL = Map.of(
            "CONFIG_CICD_USER", "explicit",
            "GITHUB_ACTOR", "octocat",
            "GITLAB_USER_LOGIN", "tanuki",
            "BUILD_USER_ID", "jenkins-user");

    @Test
    void theCiIdentityWinsOverConfigCicdUserWhichIsKeptAsRequested() {
        Principal p = Principal.resolve(Map.of("GITHUB_ACTOR", "mallory", "CONFIG_CICD_USER", "carol"), "os");
        assertThat(p.name()).isEqualTo("mallory");
        assertThat(p.source()).isEqualTo("GITHUB_ACTOR");
        assertThat(p.ciActor()).contains("mallory");
        assertThat(p.requested()).contains("carol");

        Principal gitlab = Principal.resolve(Map.of("GITLAB_CI", "true", "GITLAB_USER_LOGIN", "mallory",
                "CONFIG_CICD_USER", "carol"), "os");
        assertThat(gitlab).isEqualTo(new Principal("mallory", "GITLAB_USER_LOGIN", Optional.of("mallory"),
                Optional.of("carol")));
        assertThat(Principal.resolve(Map.of("JENKINS_URL", "https://ci", "BUILD_USER_ID", "mallory",
                "CONFIG_CICD_USER", "carol"), "os").name()).isEqualTo("mallory");
    }

    @Test
    void theRunningCiSystemsIdentityComesFirst() {
        Map<String, String> env = new HashMap<>(ALL);
        env.put("GITLAB_CI", "true");
        assertThat(Principal.resolve(env, "os").name()).as("a GitLab job with a stray GITHUB_ACTOR").isEqualTo("tanuki");
        env.remove("GITLAB_CI");
        env.put("JENKINS_URL", "https://jenkins.example.com/");
        assertThat(Principal.resolve(env, "os").name()).isEqualTo("jenkins-user");
        env.remove("JENKINS_URL");
        env.put("GITHUB_ACTIONS", "true");
        assertThat(Principal.resolve(env, "os").name()).isEqualTo("octocat");
    }

    @Test
    void ciVariablesFollowInOrderGithubGitlabJenkinsThenConfigCicdUserThenTheOsUser() {
        Map<String, String> env = new HashMap<>(ALL);
        assertThat(Principal.resolve(env, "os").name()).isEqualTo("octocat");
        env.remove("GITHUB_ACTOR");
        assertThat(Principal.resolve(env, "os").name()).isEqualTo("tanuki");
        env.remove("GITLAB_USER_LOGIN");
        assertThat(Principal.resolve(env, "os").name()).isEqualTo("jenkins-user");
        env.remove("BUILD_USER_ID");
        assertThat(Principal.resolve(env, "os")).isEqualTo(new Principal("explicit", "CONFIG_CICD_USER"));
        env.remove("CONFIG_CICD_USER");
        assertThat(Principal.resolve(env, "os")).isEqualTo(new Principal("os", Principal.OS_USER));
    }

    @Test
    void configCicdUserNamesAServiceAccountWhereNoCiIdentityIsSet() {
        Principal p = Principal.resolve(Map.of("CI", "true", "CONFIG_CICD_USER", "deploy-bot"), "runner");
        assertThat(p).isEqualTo(new Principal("deploy-bot", "CONFIG_CICD_USER"));
        assertThat(p.ciActor()).isEmpty();
        assertThat(p.requested()).isEmpty();
    }

    @Test
    void blankValuesAreSkippedAndNamesTrimmed() {
        Principal p = Principal.resolve(Map.of("CONFIG_CICD_USER", "  ", "GITHUB_ACTOR", "", "GITLAB_USER_LOGIN", " tanuki "), "os");
        assertThat(p).isEqualTo(new Principal("tanuki", "GITLAB_USER_LOGIN", Optional.of("tanuki"), Optional.empty()));
    }

    @Test
    void nothingAtAllIsUnknown() {
        assertThat(Principal.resolve(Map.of(), null)).isEqualTo(new Principal("unknown", "unknown"));
        assertThat(Principal.resolve(Map.of(), " ").name()).isEqualTo("unknown");
    }
}
