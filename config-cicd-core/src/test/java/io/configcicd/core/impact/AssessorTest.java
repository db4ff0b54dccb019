package io.configcicd.core.impact;

import io.configcicd.core.api.AssessRequest;

import io.configcicd.core.model.RiskLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.diff.Change;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.testing.GitRepo;
import io.configcicd.core.validate.Finding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessorTest {

    private static final String DIR = "configuration/";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path tmp;

    private GitRepo repo;

    @BeforeEach
    void baseRepository() {
        repo = GitRepo.init(tmp.resolve("repo"));
        write("environments/staging.yaml", "kgot:\n  depth: 3\n");
    }

    private AssessorTest write(String file, String text) {
        repo.write(DIR + file, text);
        return this;
    }

    private void commit(String message) {
        repo.commitAll(message);
    }

    private Assessment assess(String env) {
        return new Assessor().assess(repo.root().resolve("configuration"), env, "HEAD~1", "HEAD", TODAY);
    }

    private static AssessedChange only(Assessment a) {
        assertThat(a.changes()).hasSize(1);
        return a.changes().get(0);
    }

    private Assessment oneChangeInStaging(String before, String after) {
        write("global/base.yaml", before);
        commit("base");
        write("global/base.yaml", after);
        commit("head");
        return assess("staging");
    }

    @Test
    void reformattingAndReorderingIsNoChangeAtAll() {
        write("global/base.yaml", "services:\n  api:\n    port: 8080\n    host: api.internal\nlogging: {level: info}\n");
        commit("base");
        write("global/base.yaml", "# reformatted\nlogging:\n  level: info\nservices: {api: {host: api.internal, port: 8080}}\n");
        commit("head");

        Assessment a = assess("staging");

        assertThat(a.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(a.reasons()).containsExactly(Assessor.NO_EFFECTIVE_CHANGES);
        assertThat(a.changes()).isEmpty();
        assertThat(a.recommendedTests()).isEmpty();
        assertThat(a.base()).isEqualTo(repo.git("rev-parse", "HEAD~1").trim());
        assertThat(a.head()).isEqualTo(repo.git("rev-parse", "HEAD").trim());
    }

    @Test
    void aGlobalChangeThatTheEnvironmentOverridesIsNoChangeForIt() {
        write("global/base.yaml", "services:\n  api:\n    port: 8080\n");
        write("environments/production.yaml", "services:\n  api:\n    port: 9090\n");
        commit("base");
        write("global/base.yaml", "services:\n  api:\n    port: 8081\n");
        commit("head");

        Assessment production = assess("production");
        Assessment staging = assess("staging");

        assertThat(production.changes()).isEmpty();
        assertThat(production.riskLevel()).isEqualTo(RiskLevel.LOW);
        AssessedChange c = only(staging);
        assertThat(c.path()).isEqualTo(ConfigPath.parse("services.api.port"));
        assertThat(c.type()).isEqualTo(Change.Type.MODIFIED);
        assertThat(c.oldValue()).contains("8080");
        assertThat(c.newValue()).contains("8081");
        assertThat(c.origin().orElseThrow().file()).isEqualTo("global/base.yaml");
    }

    @Test
    void aPortChangeIsHighAndRecommendsConnectivityTests() {
        Assessment a = oneChangeInStaging("services:\n  api:\n    port: 8080\n", "services:\n  api:\n    port: 8443\n");

        assertThat(a.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(only(a).reasons().get(0)).contains("network port");
        assertThat(a.recommendedTests()).containsExactly("connectivity", "integration", "smoke");
    }

    @Test
    void securitySettingsAreCritical() {
        Assessment a = oneChangeInStaging("security:\n  session_minutes: 30\n", "security:\n  session_minutes: 45\n");

        assertThat(a.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(only(a).reasons().get(0)).contains("security setting");
        assertThat(a.recommendedTests()).contains("security-regression");
    }

    @Test
    void loggingIsLow() {
        Assessment a = oneChangeInStaging("logging:\n  level: info\n", "logging:\n  level: debug\n");

        assertThat(a.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(only(a).risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void productionRaisesAndDevelopmentLowersALevel() {
        write("global/base.yaml", "features:\n  beta: true\n");
        write("environments/production.yaml", "kgot: {depth: 5}\n");
        write("environments/development.yaml", "kgot: {depth: 1}\n");
        commit("base");
        write("global/base.yaml", "features:\n  beta: false\n");
        commit("head");

        Map<String, RiskLevel> levels = new Assessor()
                .assessAll(repo.root().resolve("configuration"), "HEAD~1", "HEAD", TODAY).stream()
                .collect(Collectors.toMap(Assessment::environment, Assessment::riskLevel));

        assertThat(levels).containsExactlyInAnyOrderEntriesOf(Map.of(
                "development", RiskLevel.LOW, "staging", RiskLevel.MEDIUM, "production", RiskLevel.HIGH));
        assertThat(only(assess("production")).reasons()).anyMatch(r -> r.contains("protected environment production"));
    }

    @Test
    void aTimeoutCutByMoreThanHalfRaisesALevel() {
        Assessment halved = oneChangeInStaging("services:\n  api:\n    timeout_seconds: 30\n",
                "services:\n  api:\n    timeout_seconds: 10\n");
        assertThat(halved.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(only(halved).reasons()).anyMatch(r -> r.contains("cut by 67%"));

        write("global/base.yaml", "services:\n  api:\n    timeout_seconds: 6\n");
        commit("a smaller cut");
        assertThat(assess("staging").riskLevel()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aRemovalRaisesALevel() {
        Assessment a = oneChangeInStaging("logging:\n  level: info\n  format: json\n", "logging:\n  level: info\n");

        AssessedChange c = only(a);
        assertThat(c.type()).isEqualTo(Change.Type.REMOVED);
        assertThat(c.oldValue()).contains("json");
        assertThat(c.newValue()).isEmpty();
        assertThat(c.risk()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(c.reasons()).anyMatch(r -> r.startsWith("key removed"));
    }

    @Test
    void aTypeChangeRaisesALevel() {
        Assessment a = oneChangeInStaging("logging:\n  level: info\n", "logging:\n  level: 3\n");

        assertThat(only(a).risk()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(only(a).reasons()).anyMatch(r -> r.startsWith("type changed from string to integer"));
    }

    @Test
    void anIntroducedSchemaFindingRaisesToHighWhileAPreExistingOneIsListedApart() {
        write("schemas/config.json", """
                {"type": "object", "properties": {
                  "logging": {"type": "object", "properties": {"level": {"enum": ["debug", "info", "warn"]}}},
                  "features": {"type": "object", "properties": {"beta": {"type": "boolean"}}}}}
                """);
        Assessment a = oneChangeInStaging("logging:\n  level: info\nfeatures:\n  beta: \"yes\"\n",
                "logging:\n  level: verbose\nfeatures:\n  beta: \"yes\"\n");

        assertThat(a.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(only(a).risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(only(a).reasons()).anyMatch(r -> r.startsWith("introduces error finding"));
        assertThat(a.introducedFindings()).extracting(Finding::path).containsExactly(ConfigPath.parse("logging.level"));
        assertThat(a.preExistingFindings()).extracting(Finding::path).containsExactly(ConfigPath.parse("features.beta"));
    }

    @Test
    void aPreExistingFindingDoesNotRaiseTheRisk() {
        write("schemas/config.json", """
                {"type": "object", "properties": {
                  "features": {"type": "object", "properties": {"beta": {"type": "boolean"}}}}}
                """);
        Assessment a = oneChangeInStaging("logging:\n  level: info\nfeatures:\n  beta: \"yes\"\n",
                "logging:\n  level: debug\nfeatures:\n  beta: \"yes\"\n");

        assertThat(a.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(a.introducedFindings()).isEmpty();
        assertThat(a.preExistingFindings()).hasSize(1);
    }

    @Test
    void aPlaintextSecretIsCriticalAndItsValueIsNotCarried() {
        Assessment a = oneChangeInStaging("services:\n  api:\n    name: api\n",
                "services:\n  api:\n    name: api\n    api_key: sk-live-7f3a9c\n");

        assertThat(a.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        AssessedChange c = only(a);
        assertThat(c.risk()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(c.secret()).contains("added");
        assertThat(c.reasons()).anyMatch(r -> r.contains("security.plaintext-secret"));
        assertThat(a.toString()).doesNotContain("sk-live-7f3a9c");
    }

    @Test
    void aRotatedSecretIsHighAndNeitherValueAppearsAnywhere() {
        Assessment a = oneChangeInStaging("services:\n  api:\n    password: ${API_PASS_OLD}\n",
                "services:\n  api:\n    password: ${API_PASS_NEW}\n");

        AssessedChange c = only(a);
        assertThat(a.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(c.secret()).contains("rotated");
        assertThat(c.oldValue()).contains("******");
        assertThat(c.newValue()).contains("******");
        assertThat(a.toString()).doesNotContain("API_PASS_OLD").doesNotContain("API_PASS_NEW");
    }

    @Test
    void settingsRulesComeBeforeTheDefaults() {
        write("config-cicd.yaml", "risk:\n  rules:\n    - {path: \"services.*.port\", level: low, reason: internal only}\n");
        Assessment a = oneChangeInStaging("services:\n  api:\n    port: 8080\n", "services:\n  api:\n    port: 8443\n");

        assertThat(a.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(only(a).reasons().get(0)).startsWith("internal only (services.*.port)");
    }

    @Test
    void modifiersCanBeTurnedOff() {
        write("config-cicd.yaml", "risk:\n  modifiers: {numeric_cut_raise: false, protected_raise: false}\n");
        write("environments/production.yaml", "kgot: {depth: 5}\n");
        write("global/base.yaml", "services:\n  api:\n    timeout_seconds: 30\n");
        commit("base");
        write("global/base.yaml", "services:\n  api:\n    timeout_seconds: 5\n");
        commit("head");

        assertThat(assess("production").riskLevel()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aMalformedRiskSectionIsAnErrorAtItsLine() {
        write("config-cicd.yaml", "risk:\n  rules:\n    - path: \"services.*.port\"\n      level: severe\n");
        write("global/base.yaml", "logging: {level: info}\n");
        commit("base");
        write("global/base.yaml", "logging: {level: debug}\n");
        commit("head");

        assertThatThrownBy(() -> assess("staging")).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.origin().file()).endsWith("config-cicd.yaml");
            assertThat(e.origin().line()).isEqualTo(4);
            assertThat(e.problem()).contains("risk.rules[0]").contains("level").contains("severe");
        });
    }

    @Test
    void testsAreRecommendedFromSettingsAndDefaultRules() {
        write("config-cicd.yaml", "risk:\n  tests:\n    - {path: \"kgot.**\", tests: [kgot-regression]}\n");
        write("global/base.yaml", "kgot: {max_steps: 10}\nmodels: {default: small}\n");
        commit("base");
        write("global/base.yaml", "kgot: {max_steps: 12}\nmodels: {default: large}\n");
        commit("head");

        assertThat(assess("staging").recommendedTests()).containsExactly(
                "kgot-regression", "model-evaluation", "reasoning-regression", "smoke");
    }

    @Test
    void anEnvironmentNewAtHeadHasEveryKeyAdded() {
        write("global/base.yaml", "logging: {level: info}\n");
        commit("base");
        write("environments/qa.yaml", "logging: {format: json}\n");
        commit("head");

        List<AssessedChange> changes = assess("qa").changes();

        assertThat(changes).extracting(c -> c.path().toString()).containsExactly("logging.format", "logging.level");
        assertThat(changes).allMatch(c -> c.type() == Change.Type.ADDED);
    }

    @Test
    void aFindingIntroducedWithoutAValueChangeStillRaisesTheOverallLevel() {
        write("global/base.yaml", "logging:\n  level: verbose\n");
        commit("base");
        write("schemas/config.json", """
                {"type": "object", "properties": {
                  "logging": {"type": "object", "properties": {"level": {"enum": ["debug", "info"]}}}}}
                """);
        commit("head: a stricter schema");

        Assessment a = assess("staging");

        assertThat(a.changes()).isEmpty();
        assertThat(a.introducedFindings()).extracting(Finding::path).containsExactly(ConfigPath.parse("logging.level"));
        assertThat(a.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(a.reasons()).first().isEqualTo(Assessor.NO_EFFECTIVE_CHANGES);
        assertThat(a.reasons()).anyMatch(r -> r.startsWith("introduces error finding"));
    }

    @Test
    void anUnknownFieldInARiskRuleIsAnErrorAtItsLine() {
        write("config-cicd.yaml", "risk:\n  rules:\n    - path: \"a.*\"\n      level: low\n      weight: 3\n");
        write("global/base.yaml", "logging: {level: info}\n");
        commit("base");
        write("global/base.yaml", "logging: {level: debug}\n");
        commit("head");

        assertThatThrownBy(() -> assess("staging")).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.origin().line()).isEqualTo(5);
            assertThat(e.problem()).contains("unknown field 'weight'");
        });
    }

    @Test
    void bothRevisionsComeFromGitSoABrokenWorkTreeDoesNotMatter() {
        oneChangeInStaging("services:\n  api:\n    port: 8080\n", "services:\n  api:\n    port: 8443\n");
        write("global/base.yaml", "services: [unclosed\n");
        write("schemas/config.json", "{ not json");

        Assessment a = assess("staging");

        assertThat(only(a).newValue()).contains("8443");
    }

    @Test
    void theCodeThatReadsAChangedKeyIsTakenFromTheHeadCommit() {
        write("config-cicd.yaml", "impact:\n  consumers: [\"app/**/*.py\"]\n");
        repo.write("app/api.py", "PORT = settings[\"services.api.port\"]\nHOST = settings[\"services.api.host\"]\n");
        oneChangeInStaging("services:\n  api:\n    port: 8080\n", "services:\n  api:\n    port: 8443\n");
        repo.write("app/api.py", "# the work tree moved on\n\n\nPORT = settings[\"services.api.port\"]\n");

        AssessedChange c = only(assess("staging"));

        assertThat(c.consumers()).extracting(CodeReference::toString).containsExactly("app/api.py:1");
        assertThat(c.consumers().get(0).text()).isEqualTo("PORT = settings[\"services.api.port\"]");
    }

    @Test
    void everyEnvironmentIsAssessedInOneReadOfEachRevision() {
        write("environments/production.yaml", "services:\n  api:\n    port: 9090\n");
        oneChangeInStaging("services:\n  api:\n    port: 8080\n", "services:\n  api:\n    port: 8443\n");

        List<Assessment> all = new Assessor().assess(repo.root().resolve("configuration"), List.of(), "HEAD~1", "HEAD",
                TODAY);

        assertThat(all).extracting(Assessment::environment).containsExactly("production", "staging");
        assertThat(all.get(0).changes()).isEmpty();
        assertThat(only(all.get(1)).path()).isEqualTo(ConfigPath.parse("services.api.port"));
    }

    @Test
    void theBaseRevisionIsReadOnTheExecutorTheCallerGives() {
        oneChangeInStaging("services:\n  api:\n    port: 8080\n", "services:\n  api:\n    port: 8443\n");
        List<String> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.Executor counting = task -> {
            tasks.add("base");
            task.run();
        };

        Assessment a = new Assessor(java.util.function.UnaryOperator.identity(), counting)
                .assess(repo.root().resolve("configuration"), "staging", "HEAD~1", "HEAD", TODAY);

        assertThat(tasks).containsExactly("base");
        assertThat(only(a).path()).isEqualTo(ConfigPath.parse("services.api.port"));
    }

    @Test
    void theFirstCommitOfARepositoryIsAssessedAgainstNothing() {
        write("global/base.yaml", "services:\n  api:\n    port: 8080\n");
        commit("the first commit");

        Assessment a = new Assessor().assess(repo.root().resolve("configuration"), "staging", "HEAD^", "HEAD", TODAY);

        assertThat(a.base()).isEqualTo(Assessor.NO_COMMIT);
        assertThat(a.changes()).extracting(c -> c.path().toString())
                .containsExactly("kgot.depth", "services.api.port");
        assertThat(a.changes()).allMatch(c -> c.type() == Change.Type.ADDED);
    }

    @Test
    void aCommitMissingFromTheCloneIsAnUnknownRevision() {
        oneChangeInStaging("a: 1\n", "a: 2\n");

        assertThatThrownBy(() -> new Assessor().assess(repo.root().resolve("configuration"), "staging",
                "0123456789abcdef0123456789abcdef01234567", "HEAD", TODAY))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).isEqualTo("unknown revision '0123456789abcdef0123456789abcdef01234567': "
                            + "no commit with that id is in this clone");
                    assertThat(e.hint()).contains("git fetch");
                });
    }

    @Test
    void inADepthOneCloneTheHeadIsNotAssessedAgainstNothingButRefusedWithAHintToFetchHistory() {
        write("global/base.yaml", "services:\n  api:\n    host: api.internal\n    port: 8080\n");
        commit("base");
        write("global/base.yaml", "services:\n  api:\n    host: api.internal\n    port: 8081\n");
        commit("the port moves");
        GitRepo shallow = repo.shallowClone(tmp.resolve("shallow"), 1);

        for (String base : new String[] {"HEAD^", "0".repeat(40)}) {
            AssessRequest request = AssessRequest.of(shallow.root().resolve("configuration")).withBase(base);
            assertThatThrownBy(() -> new Assessor().assess(request.configDir(), "staging", request.baseRevision(), "HEAD",
                    TODAY)).as(base).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                        assertThat(e.problem()).contains("is not in this clone").contains("shallow clone");
                        assertThat(e.hint()).contains("fetch-depth: 0").contains("git fetch --unshallow");
                    });
        }
    }

    @Test
    void inADepthTwoCloneTheHeadIsAssessedAgainstItsParent() {
        write("global/base.yaml", "services:\n  api:\n    host: api.internal\n    port: 8080\n");
        commit("base");
        write("global/base.yaml", "services:\n  api:\n    host: api.internal\n    port: 8081\n");
        commit("the port moves");
        GitRepo shallow = repo.shallowClone(tmp.resolve("shallow"), 2);

        Assessment a = new Assessor().assess(shallow.root().resolve("configuration"), "staging", "HEAD^", "HEAD", TODAY);

        assertThat(a.base()).isEqualTo(repo.git("rev-parse", "HEAD~1").trim());
        assertThat(only(a).path()).isEqualTo(ConfigPath.parse("services.api.port"));
    }

    @Test
    void inAShallowCloneABaseBeyondTheFetchedHistoryIsAnUnknownRevisionThatSaysToFetchIt() {
        write("global/base.yaml", "a: 1\n");
        String first = repo.commitAll("first");
        write("global/base.yaml", "a: 2\n");
        commit("second");
        GitRepo shallow = repo.shallowClone(tmp.resolve("shallow"), 1);

        assertThatThrownBy(() -> new Assessor().assess(shallow.root().resolve("configuration"), "staging", first, "HEAD",
                TODAY)).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).startsWith("unknown revision '" + first + "'");
                    assertThat(e.hint()).contains("shallow clone").contains("fetch-depth: 0");
                });
    }
}
