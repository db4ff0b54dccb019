package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.testing.GitRepo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySourceTest {

    private static final String SETTINGS = """
            access:
              roles:
                developer: {permissions: [read, write], environments: [development]}
              bindings:
                dave: [developer]
            audit: {path: .config-cicd/audit/audit.jsonl}
            """;

    @TempDir
    Path tmp;

    private GitRepo repo;

    @BeforeEach
    void committedPolicy() {
        repo = GitRepo.init(tmp.resolve("repo"))
                .write("conf/config-cicd.yaml", SETTINGS)
                .write("conf/global/base.yaml", "a: 1\n")
                .write("conf/environments/development.yaml", "a: 2\n")
                .write("conf/environments/production.yaml", "a: 3\n");
        repo.commitAll("policy");
    }

    private ConfigDirectory directory() {
        return ConfigDirectory.open(repo.root().resolve("conf"), Codecs.standard(), Runnable::run);
    }

    @Test
    void withoutARefThePolicyIsTheWorkTrees() {
        repo.write("conf/config-cicd.yaml", SETTINGS.replace("dave: [developer]", "dave: [developer]\n    erin: [developer]"));
        PolicySource.Policy p = PolicySource.load(directory(), Map.of());
        assertThat(p.ref()).isEmpty();
        assertThat(p.access().rolesOf("erin")).containsExactly("developer");
    }

    @Test
    void withARefThePolicyIsTheCommittedOneAndTheWorkTreesDifferenceIsNamed() {
        repo.write("conf/config-cicd.yaml", SETTINGS.replace("dave: [developer]", "dave: [developer]\n    erin: [developer]")
                .replace("audit: {path: .config-cicd/audit/audit.jsonl}", "audit: {enabled: false}"));
        PolicySource.Policy p = PolicySource.load(directory(), Map.of(PolicySource.VARIABLE, "main"));
        assertThat(p.ref()).hasValueSatisfying(r -> assertThat(r).startsWith("main ("));
        assertThat(p.access().rolesOf("erin")).isEmpty();
        assertThat(p.audit().enabled()).isTrue();
        assertThat(p.drift()).contains("access: and audit:");
    }

    @Test
    void comparingTheSectionsIgnoresLayoutAndComments() {
        repo.write("conf/config-cicd.yaml", "# reformatted\naudit:\n  path: .config-cicd/audit/audit.jsonl\naccess:\n"
                + "  bindings: {dave: [developer]}   # flow style\n  roles:\n    developer:\n"
                + "      environments: [development]\n      permissions:\n        - read\n        - write\n");
        PolicySource.Policy p = PolicySource.load(directory(), Map.of(PolicySource.VARIABLE, "main"));
        assertThat(p.drift()).as("the same values in another order and layout").isEmpty();
        repo.write("conf/config-cicd.yaml", SETTINGS.replace("dave: [developer]", "dave: developer"));
        assertThat(PolicySource.load(directory(), Map.of(PolicySource.VARIABLE, "main")).drift())
                .as("values are compared as written: a list of one is not a string").contains("access:");
    }

    @Test
    void aRefWithoutTheSettingsFileHasNoPolicy() {
        repo.git("checkout", "-q", "--orphan", "empty");
        repo.git("rm", "-rq", "--cached", ".");
        repo.git("commit", "-q", "--allow-empty", "-m", "nothing");
        repo.git("checkout", "-q", "-f", "main");
        PolicySource.Policy p = PolicySource.load(directory(), Map.of(PolicySource.VARIABLE, "empty"));
        assertThat(p.access().isEnforced()).isFalse();
        assertThat(p.drift()).contains("access: and audit:");
    }

    @Test
    void anUnknownRefIsBadInputAndRefExistsSaysSo() {
        assertThatThrownBy(() -> PolicySource.load(directory(), Map.of(PolicySource.VARIABLE, "origin/main")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).startsWith("the policy ref: unknown revision 'origin/main'");
                    assertThat(e.hint()).contains("git fetch");
                });
        assertThat(PolicySource.refExists(repo.root().resolve("conf"), "origin/main")).isFalse();
        assertThat(PolicySource.refExists(repo.root().resolve("conf"), "main")).isTrue();
    }

    @Test
    void aMalformedCommittedSectionNamesTheRef() {
        repo.write("conf/config-cicd.yaml", "access:\n  roles:\n    dev: {permissions: [fly]}\n");
        repo.commitAll("broken policy");
        assertThatThrownBy(() -> PolicySource.load(directory(), Map.of(PolicySource.VARIABLE, "main")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.problem()).contains("unknown permission 'fly'").contains("policy ref main");
                    assertThat(e.origin().file()).isEqualTo("config-cicd.yaml@main");
                });
    }

    @Test
    void inCiAWriteIsRefusedWhileTheWorkTreesPolicyDiffersButAReadIsNot() {
        repo.write("conf/config-cicd.yaml", SETTINGS.replace("environments: [development]", "environments: [\"*\"]"));
        Map<String, String> ci = Map.of("CI", "true", PolicySource.VARIABLE, "main", "CONFIG_CICD_USER", "dave");
        Governance g = Governance.of(directory(), ci);
        g.require(Permission.READ, "development", "get");
        assertThatThrownBy(() -> g.require(Permission.WRITE, "development", "set"))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
                    assertThat(e.problem()).contains("refused in CI").contains("access:");
                });
        Governance laptop = Governance.of(directory(), Map.of(PolicySource.VARIABLE, "main", "CONFIG_CICD_USER", "dave"));
        laptop.require(Permission.WRITE, "development", "set");
        assertThatThrownBy(() -> laptop.require(Permission.WRITE, "production", "set"))
                .hasMessageContaining("lacks the write permission");
    }

    @Test
    void ciIsCiTrueOrTheMarkerOfAKnownCiSystem() {
        assertThat(PolicySource.isCi(Map.of("CI", "true"))).isTrue();
        assertThat(PolicySource.isCi(Map.of("JENKINS_URL", "https://ci/"))).isTrue();
        assertThat(PolicySource.isCi(Map.of("GITLAB_CI", "true"))).isTrue();
        assertThat(PolicySource.isCi(Map.of("CI", "false"))).isFalse();
        assertThat(PolicySource.isCi(Map.of())).isFalse();
    }
}
