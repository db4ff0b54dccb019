package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.history.Backup;
import io.configcicd.core.history.ConfigBackup;
import io.configcicd.core.model.Scope;
import io.configcicd.core.model.Severity;
import io.configcicd.core.report.ReportFormat;
import io.configcicd.core.report.ReportWriters;
import io.configcicd.core.testing.GitRepo;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationServiceTest {

    private static final String SECRET = "hunter2-Zq8xV1";

    private static final String BASE = """
            # shared by every environment
            service:
              port: 8080
              debug: false   # never in production
            database:
              url: https://db.internal
              password: "${DB_PASSWORD}"
            security:
              authentication: {enabled: true}
              encryption: {enabled: true}
            """;

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "properties": {"service": {"type": "object", "properties": {"port": {"type": "integer"}}}}}
            """;

    @TempDir
    Path tmp;

    private Path configuration(Path root) {
        Path dir = root.resolve("configuration");
        write(dir.resolve("global/base.yaml"), BASE);
        write(dir.resolve("environments/staging.yaml"), "service:\n  port: 8081\n");
        write(dir.resolve("environments/production.yaml"), "# production\nservice:\n  port: 443\n");
        write(dir.resolve("schemas/service.schema.json"), SCHEMA);
        return dir;
    }

    private static ValidateOutcome validate(ValidateRequest request) {
        return new ValidationService("test").validate(request);
    }

    @Test
    void a_clean_directory_passes_in_every_environment() {
        ValidateOutcome outcome = validate(ValidateRequest.of(configuration(tmp)));

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.report().findings()).isEmpty();
        assertThat(outcome.report().environments()).containsExactly("production", "staging");
        assertThat(outcome.rules()).contains("schema", "security.plaintext-secret", "security.debug");
    }

    @Test
    void a_workspace_parses_each_document_once_for_the_masker_and_the_validation() {
        Path dir = configuration(tmp);
        try (Workspace workspace = Workspace.open(dir, Map.of())) {
            long afterMasker = workspace.manager().directory().parsedDocuments();

            ValidateOutcome outcome = new ValidationService("test").validate(workspace, ValidateRequest.of(dir));

            assertThat(afterMasker).isEqualTo(3); // global/base.yaml and the two environments
            assertThat(outcome.report().environments()).containsExactly("production", "staging");
            // the validation parses the one file the masker does not read, the schema, and nothing again
            assertThat(workspace.manager().directory().parsedDocuments()).isEqualTo(afterMasker + 1);
        }
    }

    @Test
    void findings_point_at_the_file_and_line_relative_to_the_repository_root() {
        GitRepo repo = GitRepo.init(tmp);
        Path dir = configuration(tmp);
        write(dir.resolve("environments/production.yaml"), "# production\nservice:\n  port: \"443\"\n  debug: true\n");

        ValidateOutcome outcome = validate(ValidateRequest.of(dir).withEnvironments(List.of("production")));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.report().findings()).extracting(Finding::ruleId).containsExactly("schema", "security.debug");
        Finding schema = outcome.report().findings().get(0);
        assertThat(outcome.report().repositoryPath(schema.origin())).isEqualTo("configuration/environments/production.yaml");
        assertThat(schema.origin().line()).isEqualTo(3);
        assertThat(repo.root()).isEqualTo(tmp);
    }

    @Test
    void an_unprotected_environment_may_debug() {
        Path dir = configuration(tmp);
        write(dir.resolve("environments/staging.yaml"), "service:\n  debug: true\n");

        assertThat(validate(ValidateRequest.of(dir)).report().findings()).isEmpty();
    }

    @Test
    void a_commit_is_validated_from_git_without_touching_the_work_tree() throws IOException {
        GitRepo repo = GitRepo.init(tmp);
        Path dir = configuration(tmp);
        write(dir.resolve("environments/production.yaml"), "service:\n  port: eighty\n");
        String bad = repo.commitAll("a bad port");
        write(dir.resolve("environments/production.yaml"), "service:\n  port: 80\n");
        String good = repo.commitAll("fixed");
        write(dir.resolve("environments/production.yaml"), "service:\n  port: also-bad-but-uncommitted\n");
        String statusBefore = repo.git("status", "--porcelain");

        ValidateOutcome atBad = validate(ValidateRequest.of(dir).withRevision(bad));
        ValidateOutcome atGood = validate(ValidateRequest.of(dir).withRevision(good));
        ValidateOutcome atBranch = validate(ValidateRequest.of(dir).withRevision("main~1"));

        assertThat(atBad.report().findings()).extracting(Finding::ruleId).containsExactly("schema");
        assertThat(atBad.report().findings().get(0).message()).contains("eighty").doesNotContain("uncommitted");
        assertThat(atBad.report().repositoryPath(atBad.report().findings().get(0).origin()))
                .isEqualTo("configuration/environments/production.yaml");
        assertThat(atBad.report().command()).contains(bad.substring(0, 12));
        assertThat(atGood.report().findings()).isEmpty();
        assertThat(atBranch.report().findings()).hasSize(1);
        assertThat(Files.readString(dir.resolve("environments/production.yaml"))).contains("also-bad-but-uncommitted");
        assertThat(repo.git("status", "--porcelain")).isEqualTo(statusBefore);
    }

    @Test
    void a_commit_is_read_from_git_objects_without_a_temporary_copy() throws Exception {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        Path dir = configuration(repo.root());
        write(dir.resolve("environments/production.yaml"), "service:\n  port: eighty\n");
        String bad = repo.commitAll("a bad port");
        Path noTemporaryFiles = Files.writeString(tmp.resolve("not-a-directory"), "");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + noTemporaryFiles, "-cp", System.getProperty("java.class.path"),
                ValidateRevisionMain.class.getName(), dir.toString(), bad).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("schema configuration/environments/production.yaml:2\n");
    }

    @Test
    void an_unknown_revision_or_a_directory_outside_git_is_bad_input() {
        Path outside = configuration(tmp.resolve("plain"));
        assertThatThrownBy(() -> validate(ValidateRequest.of(outside).withRevision("HEAD")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).contains("not inside a git repository");
                });

        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        Path dir = configuration(repo.root());
        repo.commitAll("first");
        assertThatThrownBy(() -> validate(ValidateRequest.of(dir).withRevision("no-such-branch")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).contains("unknown revision 'no-such-branch'");
                });
    }

    @Test
    void fix_replaces_a_plaintext_secret_where_it_was_written_and_keeps_the_comments() throws IOException {
        Path dir = configuration(tmp);
        write(dir.resolve("global/base.yaml"), BASE.replace("\"${DB_PASSWORD}\"", SECRET + "   # TODO move"));

        ValidateOutcome before = validate(ValidateRequest.of(dir));
        ValidateOutcome fixed = validate(ValidateRequest.of(dir).withFix(true));

        // one secret in the shared base file: one finding naming both environments, not one per environment
        assertThat(before.report().findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("security.plaintext-secret");
            assertThat(f.environments()).hasSize(2);
        });
        assertThat(fixed.fixes()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("global/base.yaml");
            assertThat(f.path()).hasToString("database.password");
            assertThat(f.description()).contains("DATABASE_PASSWORD").doesNotContain(SECRET);
        });
        assertThat(fixed.report().findings()).isEmpty();
        String text = Files.readString(dir.resolve("global/base.yaml"));
        assertThat(text).doesNotContain(SECRET).contains("${DATABASE_PASSWORD}")
                .contains("# shared by every environment").contains("# never in production");
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(ReportWriters.of(format, false).render(before.report())).doesNotContain(SECRET);
        }
    }

    @Test
    void fix_turns_debug_off_in_the_production_override_only() throws IOException {
        Path dir = configuration(tmp);
        write(dir.resolve("global/base.yaml"), BASE.replace("debug: false", "debug: true"));

        ValidateOutcome fixed = validate(ValidateRequest.of(dir).withFix(true));

        assertThat(fixed.fixes()).singleElement().satisfies(f -> assertThat(f.file()).isEqualTo("environments/production.yaml"));
        assertThat(fixed.report().findings()).isEmpty();
        assertThat(Files.readString(dir.resolve("environments/production.yaml")))
                .isEqualTo("# production\nservice:\n  port: 443\n  debug: false\n");
        assertThat(Files.readString(dir.resolve("global/base.yaml"))).contains("debug: true");
    }

    @Test
    void fix_with_a_backup_asked_for_backs_up_each_environment_it_writes_and_says_so_in_events() {
        Path dir = configuration(tmp);
        write(dir.resolve("global/base.yaml"), BASE.replace("debug: false", "debug: true"));
        EventSink.Recording events = EventSink.recording();

        try (Workspace workspace = Workspace.open(dir, Map.of(), Clock.systemUTC(), events)) {
            new ValidationService("test").validate(workspace, ValidateRequest.of(dir).withFix(true).withBackup(true));
        }

        List<Backup> backups = new ConfigBackup().list(dir, Scope.GLOBAL, "production");
        assertThat(backups).singleElement().satisfies(b -> assertThat(b.label()).isEqualTo("before-fix"));
        assertThat(events.events()).containsSubsequence(
                List.of(new Event.BackupTaken(eventTime(events, 0), "validate --fix", backups.get(0).id(), "copy"),
                        new Event.FileWritten(eventTime(events, 1), "validate --fix", "environments/production.yaml")));
    }

    @Test
    void fix_without_a_backup_asked_for_takes_none() {
        Path dir = configuration(tmp);
        write(dir.resolve("global/base.yaml"), BASE.replace("debug: false", "debug: true"));

        ValidateOutcome fixed = validate(ValidateRequest.of(dir).withFix(true));

        assertThat(fixed.fixes()).hasSize(1);
        assertThat(new ConfigBackup().list(dir, Scope.GLOBAL, "production")).isEmpty();
    }

    private static java.time.Instant eventTime(EventSink.Recording events, int index) {
        return events.events().get(index).time();
    }

    @Test
    void fix_cannot_be_combined_with_a_revision() {
        Path dir = configuration(tmp);
        assertThatThrownBy(() -> validate(ValidateRequest.of(dir).withFix(true).withRevision("HEAD")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT));
    }

    @Test
    void a_waiver_silences_a_finding_until_it_expires_and_then_says_so() {
        Path dir = configuration(tmp);
        write(dir.resolve("environments/production.yaml"), "database:\n  url: http://legacy-db.internal\n");
        write(dir.resolve("config-cicd.yaml"), """
                waivers:
                  - rule: security.https
                    path: database.url
                    environments: [production]
                    reason: legacy database until the migration (JIRA-123)
                    expires: 2026-12-31
                """);

        ValidateOutcome during = validateOn(dir, LocalDate.of(2026, 12, 31));
        ValidateOutcome after = validateOn(dir, LocalDate.of(2027, 1, 1));

        assertThat(during.report().findings()).isEmpty();
        assertThat(during.waived()).singleElement().satisfies(w -> {
            assertThat(w.finding().ruleId()).isEqualTo("security.https");
            assertThat(w.waiver().reason()).contains("JIRA-123");
        });
        assertThat(after.waived()).isEmpty();
        assertThat(after.report().findings()).extracting(Finding::ruleId).containsExactly("waiver.expired", "security.https");
        Finding expired = after.report().findings().get(0);
        assertThat(expired.origin().file()).isEqualTo("config-cicd.yaml");
        assertThat(expired.origin().line()).isEqualTo(2);
        assertThat(expired.severity()).isEqualTo(Severity.WARNING);
        assertThat(expired.message()).contains("expired on 2026-12-31").contains("reported again");
        assertThat(after.failed()).isTrue();
    }

    @Test
    void settings_change_severities_disable_rules_and_set_the_threshold() {
        Path dir = configuration(tmp);
        write(dir.resolve("environments/production.yaml"), "service:\n  debug: true\ndatabase:\n  url: http://db\n");
        write(dir.resolve("config-cicd.yaml"), """
                validation:
                  fail_on: critical
                  severities: {security.debug: warning}
                  disabled: [security.https]
                """);

        ValidateOutcome outcome = validate(ValidateRequest.of(dir));
        ValidateOutcome stricter = validate(ValidateRequest.of(dir).withFailOn(Severity.WARNING));

        assertThat(outcome.rules()).doesNotContain("security.https");
        assertThat(outcome.report().findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("security.debug");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(outcome.failOn()).isEqualTo(Severity.CRITICAL);
        assertThat(outcome.failed()).isFalse();
        assertThat(stricter.failed()).isTrue();
    }

    @Test
    void a_malformed_waiver_is_bad_input_at_its_line() {
        Path dir = configuration(tmp);
        write(dir.resolve("config-cicd.yaml"), "waivers:\n  - rule: security.https\n    path: a.b\n    reason: x\n    expires: soon\n");

        assertThatThrownBy(() -> validate(ValidateRequest.of(dir)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.origin()).hasToString("config-cicd.yaml:5:14");
                    assertThat(e.hint()).contains("expires: 2026-12-31");
                });
    }

    @Test
    void an_unknown_environment_is_bad_input() {
        Path dir = configuration(tmp);
        assertThatThrownBy(() -> validate(ValidateRequest.of(dir).withEnvironments(List.of("qa"))))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> assertThat(e.problem()).contains("unknown environment 'qa'"));
    }

    private static ValidateOutcome validateOn(Path dir, LocalDate day) {
        Clock clock = Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new ValidationService("test", clock).validate(ValidateRequest.of(dir));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_deploy_target_with_an_unknown_key_is_bad_input_at_its_line_before_any_deploy_reads_it() {
        Path dir = configuration(tmp);
        write(dir.resolve("config-cicd.yaml"), "environments:\n  staging: {targets: [local]}\n  production: {}\n"
                + "targets:\n  local:\n    type: file\n    paht: build/deployed\n");

        assertThatThrownBy(() -> validate(ValidateRequest.of(dir)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.origin().file()).isEqualTo("config-cicd.yaml");
                    assertThat(e.origin().line()).isEqualTo(7);
                    assertThat(e.problem()).contains("target local: unknown key 'paht'");
                    assertThat(e.hint()).contains("path");
                });
    }

    @Test
    void a_target_no_environment_lists_yet_is_checked_too() {
        Path dir = configuration(tmp);
        write(dir.resolve("config-cicd.yaml"), "targets:\n  cache:\n    type: redsi\n");

        assertThatThrownBy(() -> validate(ValidateRequest.of(dir)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("redsi");
                });
    }
}
