package io.configcicd.core.security.audit;

import static io.configcicd.core.security.audit.AuditFixtures.event;
import static io.configcicd.core.security.audit.AuditFixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("audit.jsonl");
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(file(), StandardCharsets.UTF_8);
    }

    @Test
    void writesOneJsonLinePerEventWithFieldsInAFixedOrderAndTheDocumentedHash() throws Exception {
        AuditLog log = log(file());
        AuditLog.Appended first = log.append(event(1)).orElseThrow();
        log.append(AuditEvent.of(AuditFixtures.T0, "bob", "deploy", AuditEvent.denied("deploy")));

        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("{\"seq\":1,\"time\":\"2026-01-02T03:04:06Z\",\"principal\":\"alice\","
                + "\"command\":\"set\",\"scope\":\"environment\",\"name\":\"production\",\"path\":\"services.api.replicas\","
                + "\"old\":\"value-1\",\"new\":\"value-2\",\"result\":\"ok\",\"details\":{\"revision\":\"r1\"},"
                + "\"prev\":\"" + "0".repeat(64) + "\",\"hash\":\"" + first.hash() + "\"}");
        assertThat(AuditFixtures.documentedHash(lines.get(0))).isEqualTo(first.hash());
        assertThat(lines.get(1)).startsWith("{\"seq\":2,").contains("\"old\":null,\"new\":null,\"result\":\"denied: deploy\"")
                .contains("\"prev\":\"" + first.hash() + "\"");
        assertThat(AuditFixtures.documentedHash(lines.get(1))).isEqualTo(AuditFixtures.hashOf(lines.get(1)));
        assertThat(Files.readString(dir.resolve("audit.head")))
                .isEqualTo("{\"count\":2,\"hash\":\"" + AuditFixtures.hashOf(lines.get(1)) + "\"}\n");
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void appendsFromManyThreadsFormOneUnbrokenChain() throws Exception {
        AuditLog log = log(file());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    log.append(event(i).withDetail("thread", "t" + thread));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        VerifyResult result = log.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.linesChecked()).isEqualTo(60);
        assertThat(lines().get(59)).startsWith("{\"seq\":60,");
    }

    @Test
    void appendsFromTwoProcessesAndThisOneFormOneUnbrokenChain() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (String tag : List.of("p1", "p2")) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AppendProcess.class.getName(), file().toString(), "20", tag)
                    .redirectErrorStream(true).redirectOutput(dir.resolve(tag + ".out").toFile()).start());
        }
        AuditLog log = log(file());
        for (int i = 0; i < 20; i++) {
            log.append(event(i).withDetail("writer", "main"));
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve(p == processes.get(0) ? "p1.out" : "p2.out"))).isZero();
        }
        VerifyResult result = log.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.linesChecked()).isEqualTo(60);
        assertThat(lines()).filteredOn(l -> l.contains("\"writer\":\"p1\"")).hasSize(20);
    }

    @Test
    void valuesUnderSecretKeysAreNeverWrittenInPlain() throws Exception {
        AuditLog log = log(file());
        log.append(AuditEvent.of(AuditFixtures.T0, "alice", "set", AuditEvent.OK)
                .withTarget("environment", "production", "database.password")
                .withValues(Optional.of("hunter2"), Optional.of("correct horse")));
        log.append(AuditEvent.of(AuditFixtures.T0, "alice", "set", AuditEvent.OK)
                .withTarget("environment", "production", "services.openai.api_key")
                .withValues(Optional.of("sk-live-123"), Optional.of("${OPENAI_API_KEY}")));
        log.append(AuditEvent.of(AuditFixtures.T0, "alice", "get --reveal", AuditEvent.OK)
                .withTarget("global", "production", "credentials[0].value")
                .withValues(Optional.of("plain-cred"), Optional.empty())
                .withDetail("token", "tok-abc").withDetail("deployment_id", "d-1"));

        String text = Files.readString(file());
        assertThat(text).doesNotContain("hunter2", "correct horse", "sk-live-123", "plain-cred", "tok-abc")
                .contains("\"old\":\"******\",\"new\":\"******\"")
                .contains("\"new\":\"${OPENAI_API_KEY}\"")
                .contains("\"deployment_id\":\"d-1\"", "\"token\":\"******\"");
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void newlinesAndNonAsciiInValuesStayInsideOneLine() throws Exception {
        AuditLog log = log(file());
        log.append(event(1).withValues(Optional.of("first\nsecond\r\u2028"), Optional.of("grüße \"quoted\" \u0000")));
        log.append(event(2));
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).contains("\"old\":\"first\\nsecond\\r\u2028\"", "grüße \\\"quoted\\\" \\u0000");
        assertThat(log.verify().problems()).isEmpty();
    }

    @Test
    void aDisabledLogWritesNothing() {
        AuditLog log = new AuditLog(file(), false, new SecretMasker(Settings.DEFAULT_SECRET_KEYS));
        assertThat(log.append(event(1))).isEmpty();
        assertThat(file()).doesNotExist();
    }

    @Test
    void aTornLineFromACrashIsReportedAndTheNextAppendStartsOnItsOwnLine() throws Exception {
        AuditLog log = log(file());
        for (int i = 0; i < 3; i++) {
            log.append(event(i));
        }
        String whole = lines().get(2);
        Files.writeString(file(), "{\"seq\":4,\"time\":\"2026-01", StandardOpenOption.APPEND);
        assertThat(log.verify().problems()).extracting(Problem::line, Problem::kind)
                .containsExactly(tuple(4, Kind.TORN));

        AuditLog.Appended next = log.append(event(4)).orElseThrow();
        assertThat(next.seq()).isEqualTo(4);
        assertThat(lines()).hasSize(5);
        assertThat(lines().get(4)).contains("\"prev\":\"" + AuditFixtures.hashOf(whole) + "\"");
        VerifyResult result = log.verify();
        assertThat(result.problems()).extracting(Problem::line, Problem::kind)
                .containsExactly(tuple(4, Kind.TORN));
    }

    @Test
    void anAppendInterruptedAfterItsLineIsAdoptedByTheNextAppendBecauseTheHeadAnnouncedIt() throws Exception {
        AuditLog log = log(file());
        AuditLog.Appended first = log.append(event(1)).orElseThrow();
        AuditLog.Appended second = log.append(event(2)).orElseThrow();
        // the state a crash leaves after the line was written and before the head was replaced
        Files.writeString(log.headFile(), "{\"count\":1,\"hash\":\"" + first.hash() + "\",\"next\":\"" + second.hash()
                + "\"}\n");
        assertThat(log.verify().problems()).isEmpty();

        assertThat(log.append(event(3)).orElseThrow().seq()).isEqualTo(3);
        assertThat(log.verify().problems()).isEmpty();
        assertThat(Files.readString(log.headFile())).doesNotContain("next");
    }

    @Test
    void aForgedCorrectlyChainedLineAfterTheHeadIsRefusedNotAdoptedByTheNextAppend() throws Exception {
        AuditLog log = log(file());
        log.append(event(1));
        log.append(event(2));
        String second = lines().get(1);
        String forged = AuditFixtures.withSeqAndPrev(second.replace("\"principal\":\"alice\"", "\"principal\":\"bob\""),
                3, AuditFixtures.hashOf(second));
        Files.writeString(file(), forged + "\n", StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> log.append(event(3))).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
            assertThat(e.getMessage()).contains("its last line (seq 3) is not the one its head names (seq 2)");
            assertThat(e.hint()).contains("audit verify");
        });
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(log.verify().has(Kind.HEAD_MISMATCH)).isTrue();
    }

    @Test
    void aTruncatedLogIsRefusedByTheNextAppendAndStaysVisiblyTruncated() throws Exception {
        AuditLog log = log(file());
        for (int i = 0; i < 5; i++) {
            log.append(event(i));
        }
        Files.writeString(file(), AuditFixtures.join(lines().subList(0, 3)));
        assertThat(log.verify().has(Kind.TRUNCATED)).isTrue();
        assertThatThrownBy(() -> log.append(event(9))).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("its last line (seq 3) is not the one its head names (seq 5)");
        assertThat(lines()).hasSize(3);
        assertThat(log.verify().has(Kind.TRUNCATED)).isTrue();
    }

    @Test
    void aDeletedLogWithItsHeadKeptIsFoundAndRefusedByTheNextAppend() throws Exception {
        AuditLog log = log(file());
        log.append(event(1));
        log.append(event(2));
        Files.delete(file());
        assertThat(log.verify().has(Kind.TRUNCATED)).isTrue();
        assertThatThrownBy(() -> log.append(event(3))).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("its head names 2 line(s) but the log has none");
    }

    @Test
    void aLogWhoseHeadWasDeletedIsRefusedRatherThanContinuedFromItsTail() throws Exception {
        AuditLog log = log(file());
        log.append(event(1));
        Files.delete(log.headFile());
        assertThatThrownBy(() -> log.append(event(2))).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("its head file is missing while the log has lines");
    }

    @Test
    void aLogFileThatIsASymbolicLinkIsNeitherWrittenNorVerified() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.jsonl"), "");
        Files.createSymbolicLink(file(), elsewhere);
        AuditLog log = log(file());

        assertThatThrownBy(() -> log.append(event(1))).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
            assertThat(e.getMessage()).contains("symbolic link").contains(file().toString());
        });
        assertThat(elsewhere).isEmptyFile();
        assertThat(log.verify().problems()).extracting(Problem::kind).containsExactly(Kind.LINK);
    }

    @Test
    void anAuditFolderThatIsASymbolicLinkIsRefused() throws Exception {
        Path config = Files.createDirectories(dir.resolve("configuration"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(config.resolve(".config-cicd"));
        Files.createSymbolicLink(config.resolve(".config-cicd/audit"), outside);
        AuditLog log = AuditLog.forDirectory(config, Settings.defaults());

        assertThatThrownBy(() -> log.append(event(1))).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining(config.resolve(".config-cicd/audit") + " is one");
        try (var listing = Files.list(outside)) {
            assertThat(listing).isEmpty();
        }
        assertThat(log.verify().problems()).extracting(Problem::kind).containsExactly(Kind.LINK);
    }

    @Test
    void theSettingsChooseWhereTheLogOfADirectoryIs() throws Exception {
        ConfigMap doc = (ConfigMap) new YamlCodec().parse("audit:\n  path: logs/audit-trail.jsonl\n"
                .getBytes(StandardCharsets.UTF_8), Settings.FILE_NAME, LoadLimits.DEFAULT);
        AuditLog log = AuditLog.forDirectory(dir, Settings.from(doc));
        log.append(event(1));
        assertThat(dir.resolve("logs/audit-trail.jsonl")).exists();
        assertThat(dir.resolve("logs/audit-trail.head")).exists();
        assertThat(AuditLog.forDirectory(dir, Settings.defaults()).logFile())
                .isEqualTo(dir.toAbsolutePath().resolve(".config-cicd/audit/audit.jsonl".replace('/', File.separatorChar)));
    }
}
