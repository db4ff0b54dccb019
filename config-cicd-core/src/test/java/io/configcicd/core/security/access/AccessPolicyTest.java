package io.configcicd.core.security.access;

import static io.configcicd.core.security.access.Permission.DEPLOY;
import static io.configcicd.core.security.access.Permission.READ;
import static io.configcicd.core.security.access.Permission.REVEAL;
import static io.configcicd.core.security.access.Permission.ROLLBACK;
import static io.configcicd.core.security.access.Permission.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final String POLICY = """
            environments: [development, staging, staging-eu, production]
            access:
              roles:
                developer: {permissions: [read, write], environments: [development, "staging*"]}
                operator:  {permissions: [read, write, deploy, rollback], environments: ["*"]}
                auditor:   {permissions: [read, reveal], environments: [production]}
                releaser:  {permissions: deploy, environments: "stag?ng"}
              groups:
                platform: [alice, bob]
              bindings:
                carol: [operator]
                "group:platform": [developer]
                dave: releaser
                erin: [auditor]
            """;

    private static ConfigMap yaml(String text) {
        return (ConfigMap) new YamlCodec().parse(text.getBytes(StandardCharsets.UTF_8), Settings.FILE_NAME, LoadLimits.DEFAULT);
    }

    private static AccessPolicy policy(String text) {
        return AccessPolicy.from(Settings.from(yaml(text)));
    }

    @Test
    void theMatrixOfPrincipalsPermissionsAndEnvironments() {
        AccessPolicy p = policy(POLICY);
        List<String> wrong = new ArrayList<>();
        String[] envs = {"development", "staging", "staging-eu", "production"};
        // principal -> for each environment, the permissions allowed there
        Object[][] expected = {
                {"alice", Set.of(READ, WRITE), Set.of(READ, WRITE), Set.of(READ, WRITE), Set.of()},
                {"bob", Set.of(READ, WRITE), Set.of(READ, WRITE), Set.of(READ, WRITE), Set.of()},
                {"carol", Set.of(READ, WRITE, DEPLOY, ROLLBACK), Set.of(READ, WRITE, DEPLOY, ROLLBACK),
                        Set.of(READ, WRITE, DEPLOY, ROLLBACK), Set.of(READ, WRITE, DEPLOY, ROLLBACK)},
                {"dave", Set.of(), Set.of(DEPLOY), Set.of(), Set.of()},
                {"erin", Set.of(), Set.of(), Set.of(), Set.of(READ, REVEAL)},
                {"mallory", Set.of(), Set.of(), Set.of(), Set.of()}};
        for (Object[] row : expected) {
            for (int e = 0; e < envs.length; e++) {
                for (Permission perm : Permission.values()) {
                    boolean want = ((Set<?>) row[e + 1]).contains(perm);
                    Decision d = p.check((String) row[0], perm, envs[e]);
                    if (d.allowed() != want) {
                        wrong.add(row[0] + " " + perm + " " + envs[e] + ": " + d.reason());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aDenialNamesThePermissionEnvironmentPrincipalAndItsRolesAndTheRoleThatGrantsIt() {
        AccessPolicy p = policy(POLICY);
        assertThatThrownBy(() -> p.require("alice", DEPLOY, "production"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
                    assertThat(e.permission()).isEqualTo(DEPLOY);
                    assertThat(e.problem()).isEqualTo("access denied: 'alice' lacks the deploy permission on "
                            + "environment 'production' (roles: developer)");
                    assertThat(e.hint()).isEqualTo("role operator grants deploy on production; bind it to 'alice' "
                            + "under access.bindings in config-cicd.yaml");
                    assertThat(e.decision().roles()).containsExactly("developer");
                    assertThat(e).isInstanceOf(ConfigCicdException.class);
                });
        assertThat(p.check("mallory", REVEAL, "staging").hint())
                .isEqualTo("no role grants reveal on staging; add reveal to a role's permissions under access.roles in config-cicd.yaml");
        assertThat(p.check("mallory", READ, "production").reason()).contains("(no roles)");
        assertThat(p.require("carol", ROLLBACK, "production").reason()).isEqualTo(
                "'carol' may rollback on environment 'production' through role operator");
    }

    @Test
    void groupsAndTheWildcardPrincipalAddRoles() {
        AccessPolicy p = policy("""
                access:
                  roles:
                    reader: {permissions: [read]}
                    writer: {permissions: [write], environments: [development]}
                    deployer: {permissions: [deploy], environments: [development]}
                  groups:
                    devs: [alice]
                    ops: [alice, bob]
                  bindings:
                    "*": [reader]
                    "group:devs": [writer]
                    "group:ops": deployer
                """);
        assertThat(p.rolesOf("alice")).containsExactly("deployer", "reader", "writer");
        assertThat(p.rolesOf("bob")).containsExactly("deployer", "reader");
        assertThat(p.rolesOf("anyone")).containsExactly("reader");
        assertThat(p.check("anyone", READ, "production").allowed()).isTrue();
        assertThat(p.check("anyone", WRITE, "development").allowed()).isFalse();
        assertThat(p.check("alice", WRITE, "development").allowed()).isTrue();
        assertThat(p.check("bob", WRITE, "development").allowed()).isFalse();
        assertThat(p.check("bob", DEPLOY, "development").allowed()).isTrue();
        assertThat(p.check("Alice", WRITE, "development").allowed()).as("principals are case-sensitive").isFalse();
    }

    @Test
    void aPrincipalNamedLikeAGroupBindingDoesNotReceiveTheGroupsRoles() {
        AccessPolicy p = policy(POLICY);
        assertThat(p.rolesOf("group:platform")).isEmpty();
        assertThat(p.check("group:platform", WRITE, "development").allowed()).isFalse();
        assertThat(p.rolesOf("alice")).containsExactly("developer");
    }

    @Test
    void anyEnvironmentMeansThePermissionOnSomeEnvironment() {
        AccessPolicy p = policy(POLICY);
        assertThat(p.check("dave", DEPLOY, AccessPolicy.ANY_ENVIRONMENT).allowed()).isTrue();
        assertThat(p.check("dave", READ, AccessPolicy.ANY_ENVIRONMENT).allowed()).isFalse();
        assertThat(p.check("erin", REVEAL, AccessPolicy.ANY_ENVIRONMENT).allowed()).isTrue();
        assertThat(p.check("dave", READ, AccessPolicy.ANY_ENVIRONMENT).reason()).contains("on any environment");
    }

    @Test
    void withoutASectionEverythingIsAllowed() {
        AccessPolicy p = policy("environments: [production]\n");
        assertThat(p.isEnforced()).isFalse();
        for (Permission perm : Permission.values()) {
            assertThat(p.require("anyone", perm, "production").allowed()).isTrue();
        }
        assertThat(AccessPolicy.from(Settings.defaults()).isEnforced()).isFalse();
        assertThat(AccessPolicy.allowAll().check("x", REVEAL, AccessPolicy.ANY_ENVIRONMENT).allowed()).isTrue();
    }

    @Test
    void aPresentButEmptySectionDeniesEverything() {
        for (String text : List.of("access: {}\n", "access:\n", "access:\n  roles: {}\n  bindings: {}\n")) {
            AccessPolicy p = policy(text);
            assertThat(p.isEnforced()).isTrue();
            for (Permission perm : Permission.values()) {
                assertThat(p.check("anyone", perm, "development").allowed()).as(text + perm).isFalse();
                assertThat(p.check("anyone", perm, AccessPolicy.ANY_ENVIRONMENT).allowed()).isFalse();
            }
        }
    }

    @Test
    void environmentsDefaultToAllAndGlobsMatchWholeNames() {
        AccessPolicy p = policy("""
                access:
                  roles:
                    all: {permissions: [read]}
                    eu: {permissions: [write], environments: ["prod-??", "*-eu"]}
                  bindings: {"*": [all, eu]}
                """);
        assertThat(p.check("x", READ, "anything").allowed()).isTrue();
        assertThat(p.check("x", WRITE, "prod-de").allowed()).isTrue();
        assertThat(p.check("x", WRITE, "staging-eu").allowed()).isTrue();
        assertThat(p.check("x", WRITE, "prod-deu").allowed()).isFalse();
        assertThat(p.check("x", WRITE, "eu-staging").allowed()).isFalse();
        assertThat(p.check("x", WRITE, "prod.de").allowed()).as("'.' is literal in names, '?' one character")
                .isFalse();
    }

    @Test
    void malformedSectionsAreErrorsAtTheirFileAndLine() {
        assertBadInputAt("access: [alice]\n", ":1", "access must be a mapping");
        assertBadInputAt("access:\n  roles: {}\n  users: {}\n", ":3", "unknown field 'access.users'");
        assertBadInputAt("access:\n  roles:\n    dev: {permissions: [read, destroy]}\n", ":3",
                "unknown permission 'destroy'");
        assertBadInputAt("access:\n  roles:\n    dev:\n      environments: [development]\n", ":3",
                "access.roles.dev has no permissions");
        assertBadInputAt("access:\n  roles:\n    dev: {permissions: [read], envs: [x]}\n", ":3",
                "unknown field 'access.roles.dev.envs'");
        assertBadInputAt("access:\n  roles:\n    dev: {permissions: []}\n", ":3", "must be a non-empty list");
        assertBadInputAt("access:\n  roles:\n    dev: read\n", ":3", "access.roles.dev must be a mapping");
        assertBadInputAt("access:\n  roles:\n    dev: {permissions: [read]}\n  bindings:\n    alice: [dev, admin]\n",
                ":5", "unknown role 'admin'");
        assertBadInputAt("access:\n  roles:\n    dev: {permissions: [read]}\n  bindings:\n    \"group:ops\": [dev]\n",
                ":5", "unknown group 'ops'");
        assertBadInputAt("access:\n  groups:\n    ops: [alice, 7]\n", ":3", "access.groups.ops must be a list of non-blank strings");
    }

    private static void assertBadInputAt(String text, String line, String problem) {
        assertThatThrownBy(() -> policy(text)).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.origin().toString()).startsWith(Settings.FILE_NAME + line);
            assertThat(e.problem()).contains(problem);
        });
    }

    @Test
    void policyFromNamesARefAndGrantsNothingByItself() {
        AccessPolicy p = policy("access:\n  policy_from: origin/main\n");
        assertThat(p.policyFrom()).contains("origin/main");
        assertThat(p.isEnforced()).isTrue();
        assertThat(p.check("carol", READ, "production").allowed()).isFalse();
        assertThat(policy(POLICY).policyFrom()).isEmpty();
        assertBadInputAt("access:\n  policy_from: [main, dev]\n", ":2", "access.policy_from must be a git ref");
    }

    @Test
    void permissionsParseCaseInsensitively() {
        assertThat(Permission.parse("Deploy")).contains(DEPLOY);
        assertThat(Permission.parse("Admin")).contains(Permission.ADMIN);
        assertThat(Permission.parse("root")).isEmpty();
        assertThat(Permission.allLabels()).isEqualTo("read, write, deploy, rollback, reveal, admin");
    }
}
