package io.configcicd.core.security.audit;

import static io.configcicd.core.security.audit.AuditFixtures.event;
import static io.configcicd.core.security.audit.AuditFixtures.hashOf;
import static io.configcicd.core.security.audit.AuditFixtures.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import io.configcicd.core.testing.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The head of the log anchored in git: what deleting or cutting the log (with its head) no longer hides. */
class AuditAnchorTest {

    @TempDir
    Path tmp;

    private GitRepo repo;
    private Path config;
    private AuditLog log;

    @BeforeEach
    void repository() {
        repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("configuration/config-cicd.yaml", "environments: {development: {}}\n")
                .write("configuration/.gitignore", ".config-cicd/\n");
        repo.commitAll("configuration");
        config = repo.root().resolve("configuration");
        log = AuditLog.forDirectory(config, Settings.defaults());
        for (int i = 0; i < 4; i++) {
            log.append(event(i));
        }
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(log.logFile(), StandardCharsets.UTF_8);
    }

    private String ref() {
        return log.anchorRef().orElseThrow();
    }

    @Test
    void everyAppendMovesTheAnchorForwardToTheNewHead() throws Exception {
        assertThat(ref()).matches("refs/config-cicd/audit/[0-9a-f]{16}");
        String message = repo.git("log", "-1", "--format=%B", ref());
        assertThat(message).contains("config-cicd audit head").contains("count: 4")
                .contains("hash: " + hashOf(lines().get(3))).contains("log: " + log.logFile().toRealPath());
        assertThat(repo.git("rev-list", "--count", ref()).trim()).isEqualTo("4");
        assertThat(repo.git("status", "--porcelain")).isEmpty();
        assertThat(repo.git("rev-list", "--count", "HEAD").trim()).isEqualTo("1");
        VerifyResult r = log.verify();
        assertThat(r.problems()).isEmpty();
        assertThat(r.checks()).anyMatch(c -> c.startsWith("git anchor " + ref() + ": line 4"));
    }

    @Test
    void aLogDeletedWithItsHeadIsFound() throws Exception {
        Files.delete(log.logFile());
        Files.delete(log.headFile());

        VerifyResult r = log.verify();
        assertThat(r.problems()).extracting(Problem::kind).containsExactly(Kind.ANCHOR);
        assertThat(r.problems().get(0).message()).contains("missing or empty").contains("names 4 line(s)");
    }

    @Test
    void aDeletedAuditFolderIsFoundAndTheNextAppendRefusesToStartAFreshLog() throws Exception {
        try (Stream<Path> files = Files.walk(config.resolve(".config-cicd/audit"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(log.verify().has(Kind.ANCHOR)).isTrue();

        assertThatThrownBy(() -> log.append(event(9))).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.getMessage()).contains("git anchor names line 4");
            assertThat(e.hint()).contains("git update-ref -d " + ref());
        });
        assertThat(log.verify().has(Kind.ANCHOR)).isTrue();
    }

    @Test
    void theLastLinesCutWithTheHeadRewrittenAreFound() throws Exception {
        List<String> kept = lines().subList(0, 2);
        Files.writeString(log.logFile(), join(kept));
        Files.writeString(log.headFile(), "{\"count\":2,\"hash\":\"" + hashOf(kept.get(1)) + "\"}\n");

        assertThat(AuditVerifier.verify(log.logFile(), log.headFile()).problems()).as("the chain alone").isEmpty();
        VerifyResult r = log.verify();
        assertThat(r.problems()).extracting(Problem::kind).containsExactly(Kind.ANCHOR);
        assertThat(r.problems().get(0).message()).contains("anchored head (line 4");
        assertThatThrownBy(() -> log.append(event(9))).isInstanceOf(ConfigCicdException.class);
    }

    @Test
    void aChainRehashedWithItsHeadIsFound() throws Exception {
        List<String> lines = lines();
        String edited = AuditFixtures.rehash(lines.get(3).replace("alice", "mallory"));
        Files.writeString(log.logFile(), join(List.of(lines.get(0), lines.get(1), lines.get(2), edited)));
        Files.writeString(log.headFile(), "{\"count\":4,\"hash\":\"" + hashOf(edited) + "\"}\n");

        assertThat(AuditVerifier.verify(log.logFile(), log.headFile()).problems()).as("the chain alone").isEmpty();
        assertThat(log.verify().has(Kind.ANCHOR)).isTrue();
    }

    @Test
    void aDeletedAnchorIsReported() {
        repo.git("update-ref", "-d", ref());
        VerifyResult r = log.verify();
        assertThat(r.problems()).extracting(Problem::kind).containsExactly(Kind.ANCHOR);
        assertThat(r.problems().get(0).message()).contains("does not exist");
    }

    @Test
    void linesAddedAfterTheAnchoredHeadAreReported() throws Exception {
        String anchorBefore = repo.git("rev-parse", ref()).trim();
        log.append(event(5));
        repo.git("update-ref", ref(), anchorBefore);
        VerifyResult r = log.verify();
        assertThat(r.problems()).extracting(Problem::kind).containsExactly(Kind.ANCHOR);
        assertThat(r.problems().get(0).message()).contains("1 line(s) follow the anchored head");
    }

    @Test
    void anAppendInterruptedBeforeItMovedTheAnchorIsAdoptedAndTheAnchorCatchesUp() throws Exception {
        String anchorBefore = repo.git("rev-parse", ref()).trim();
        String headBefore = Files.readString(log.headFile());
        AuditLog.Appended fifth = log.append(event(5)).orElseThrow();
        // the state a crash leaves after the line and before the anchor and head moved
        repo.git("update-ref", ref(), anchorBefore);
        Files.writeString(log.headFile(), headBefore.strip().replace("}", ",\"next\":\"" + fifth.hash() + "\"}") + "\n");
        assertThat(log.verify().problems()).isEmpty();

        log.append(event(6));
        assertThat(log.verify().problems()).isEmpty();
        assertThat(repo.git("log", "-1", "--format=%B", ref())).contains("count: 6");
    }

    @Test
    void aRefLockLeftByAProcessKilledWhileItMovedTheAnchorDoesNotStopTheNextAppend() throws Exception {
        Path lock = repo.root().resolve(".git").resolve(ref() + ".lock");
        Files.writeString(lock, "0".repeat(40) + "\n");

        log.append(event(5));

        assertThat(lock).doesNotExist();
        assertThat(repo.git("log", "-1", "--format=%B", ref())).contains("count: 5");
        assertThat(log.verify().problems()).isEmpty();
    }

    @Test
    void aLogOutsideTheWorkTreeHasNoAnchor() throws Exception {
        Path outside = tmp.resolve("var/audit.jsonl");
        AuditLog elsewhere = AuditLog.forDirectory(config, Settings.from((io.configcicd.core.model.ConfigMap)
                new io.configcicd.core.load.yaml.YamlCodec().parse(("audit: {path: " + outside + "}\n")
                        .getBytes(StandardCharsets.UTF_8), Settings.FILE_NAME, io.configcicd.core.load.LoadLimits.DEFAULT)));
        elsewhere.append(event(1));
        assertThat(elsewhere.anchorRef()).isEmpty();
        assertThat(elsewhere.verify().checks()).anyMatch(c -> c.startsWith("git anchor: none"));
    }
}
