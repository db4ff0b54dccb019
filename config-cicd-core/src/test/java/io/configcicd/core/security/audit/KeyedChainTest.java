package io.configcicd.core.security.audit;

import static io.configcicd.core.security.audit.AuditFixtures.event;
import static io.configcicd.core.security.audit.AuditFixtures.hashOf;
import static io.configcicd.core.security.audit.AuditFixtures.join;
import static io.configcicd.core.security.audit.AuditFixtures.rehash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyed chain (CONFIG_CICD_AUDIT_KEY): what someone who can write the log but lacks the key can no longer hide. */
class KeyedChainTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("audit.jsonl");
    }

    private AuditLog keyed() {
        return AuditFixtures.log(file()).withKey(Optional.of(AuditFixtures.key()));
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(file(), StandardCharsets.UTF_8);
    }

    /** What a forger without the key does: re-hash every line from {@code from} on and rewrite the head. */
    private void rewriteFrom(int from, List<String> lines) throws Exception {
        List<String> out = new ArrayList<>(lines);
        for (int i = from; i < out.size(); i++) {
            String line = out.get(i);
            if (i > from) {
                line = line.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + hashOf(out.get(i - 1)) + "\"");
            }
            out.set(i, rehash(line));
        }
        Files.writeString(file(), join(out));
        Files.writeString(dir.resolve("audit.head"), "{\"count\":" + out.size() + ",\"hash\":\""
                + hashOf(out.get(out.size() - 1)) + "\"}\n");
    }

    @Test
    void aKeyedLineNamesItsKeyAndCarriesTheDocumentedHmacOfItsContent() throws Exception {
        AuditLog log = keyed();
        AuditLog.Appended first = log.append(event(1)).orElseThrow();
        log.append(event(2));

        String line = lines().get(0);
        assertThat(line).contains(",\"mac\":\"hmac-sha256:" + AuditFixtures.key().id() + "\",\"prev\":\"" + "0".repeat(64));
        assertThat(AuditFixtures.documentedHmac(line, AuditFixtures.KEY)).isEqualTo(first.hash()).isEqualTo(hashOf(line));
        assertThat(AuditFixtures.documentedHash(line)).isNotEqualTo(first.hash());
        VerifyResult r = log.verify();
        assertThat(r.problems()).isEmpty();
        assertThat(r.checks().get(0)).contains("keyed (HMAC-SHA-256, key id " + AuditFixtures.key().id() + ")");
    }

    @Test
    void anEditedKeyedLineReHashedWithoutTheKeyIsFound() throws Exception {
        AuditLog log = keyed();
        for (int i = 0; i < 5; i++) {
            log.append(event(i));
        }
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"principal\":\"alice\"", "\"principal\":\"bob\""));
        rewriteFrom(2, lines);

        assertThat(AuditFixtures.log(file()).verify().problems()).as("an unkeyed verify cannot see it").isEmpty();
        VerifyResult r = log.verify();
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(Problem::line).contains(3);
        assertThat(r.has(Kind.EDITED)).isTrue();
    }

    @Test
    void aChainDowngradedToPlainHashesIsFoundWithTheKey() throws Exception {
        AuditLog log = keyed();
        for (int i = 0; i < 4; i++) {
            log.append(event(i));
        }
        List<String> plain = new ArrayList<>();
        for (String l : lines()) {
            String unkeyed = l.replaceFirst(",\"mac\":\"hmac-sha256:[0-9a-f]{16}\"", "");
            if (!plain.isEmpty()) {
                unkeyed = unkeyed.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + hashOf(plain.get(plain.size() - 1)) + "\"");
            }
            plain.add(rehash(unkeyed));
        }
        rewriteFrom(0, plain);

        assertThat(AuditFixtures.log(file()).verify().problems()).isEmpty();
        assertThat(log.verify().problems()).extracting(Problem::kind).containsExactly(Kind.KEY);
        assertThat(log.verify().problems().get(0).message()).contains("no line of the log is sealed with it");
    }

    @Test
    void linesWrittenBeforeTheKeyAreSealedByTheFirstKeyedLine() throws Exception {
        AuditLog plain = AuditFixtures.log(file());
        plain.append(event(1));
        plain.append(event(2));
        AuditLog log = keyed();
        log.append(event(3));
        log.append(event(4));
        VerifyResult intact = log.verify();
        assertThat(intact.problems()).isEmpty();
        assertThat(intact.checks().get(0)).contains("lines before line 3 were written before the key");

        List<String> lines = lines();
        lines.set(0, rehash(lines.get(0).replace("alice", "mallory")));
        lines.set(1, rehash(lines.get(1).replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + hashOf(lines.get(0)) + "\"")));
        Files.writeString(file(), join(lines));
        VerifyResult r = log.verify();
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(Problem::line).contains(2);
    }

    @Test
    void aPlainLineAfterKeyedOnesIsAForgeryOrAWriterWithoutTheKey() throws Exception {
        AuditLog log = keyed();
        log.append(event(1));
        List<String> lines = lines();
        String forged = AuditFixtures.withSeqAndPrev(lines.get(0).replaceFirst(",\"mac\":\"hmac-sha256:[0-9a-f]{16}\"", ""),
                2, hashOf(lines.get(0)));
        Files.writeString(file(), join(List.of(lines.get(0), forged)));
        Files.writeString(dir.resolve("audit.head"), "{\"count\":2,\"hash\":\"" + hashOf(forged) + "\"}\n");

        assertThat(log.verify().problems()).extracting(Problem::line, Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Kind.KEY));
    }

    @Test
    void withoutTheKeyVerifySaysTheMacsWereNotCheckedAndAppendIsRefused() throws Exception {
        keyed().append(event(1));
        AuditLog withoutKey = AuditFixtures.log(file());

        VerifyResult r = withoutKey.verify();
        assertThat(r.problems()).isEmpty();
        assertThat(r.checks().get(0)).contains("1 keyed line(s)").contains("NOT checked").contains(AuditKey.VARIABLE);
        assertThatThrownBy(() -> withoutKey.append(event(2))).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
            assertThat(e.getMessage()).contains("keyed").contains(AuditKey.VARIABLE + " is not set");
        });
        assertThat(lines()).hasSize(1);
    }

    @Test
    void aLogKeyedWithAnotherKeyIsNeitherContinuedNorTrusted() throws Exception {
        keyed().append(event(1));
        byte[] other = AuditFixtures.KEY.clone();
        other[0] ^= 1;
        AuditLog otherKey = AuditFixtures.log(file()).withKey(Optional.of(AuditKey.of(other)));

        assertThatThrownBy(() -> otherKey.append(event(2))).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("sealed with key id " + AuditFixtures.key().id());
        assertThat(otherKey.verify().problems()).extracting(Problem::kind).contains(Kind.KEY);
    }

    @Test
    void aForgedLineAfterTheHeadOfAKeyedLogIsRefusedEvenWithTheHeadRewritten() throws Exception {
        AuditLog log = keyed();
        log.append(event(1));
        String first = lines().get(0);
        String forged = AuditFixtures.withSeqAndPrev(first, 2, hashOf(first));
        Files.writeString(file(), join(List.of(first, forged)));
        Files.writeString(dir.resolve("audit.head"), "{\"count\":2,\"hash\":\"" + hashOf(forged) + "\"}\n");

        assertThatThrownBy(() -> log.append(event(3))).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("does not match its MAC");
        assertThat(lines()).hasSize(2);
    }
}
