package io.configcicd.core.security.audit;

import static io.configcicd.core.security.audit.AuditFixtures.hashOf;
import static io.configcicd.core.security.audit.AuditFixtures.join;
import static io.configcicd.core.security.audit.AuditFixtures.rehash;
import static io.configcicd.core.security.audit.AuditFixtures.withSeqAndPrev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierTest {

    private static final int LINES = 20;

    @TempDir
    static Path shared;

    private static List<String> original;
    private static byte[] head;

    @TempDir
    Path dir;

    /** One way to damage a log: the new file content, given the intact lines and the index of the target line. */
    private record Mutation(String name, BiFunction<List<String>, Integer, String> apply, Set<Kind> expected) {
    }

    @BeforeAll
    static void writeTwentyLines() throws Exception {
        AuditLog log = AuditFixtures.log(shared.resolve("audit.jsonl"));
        for (int i = 0; i < LINES; i++) {
            log.append(AuditFixtures.event(i));
        }
        original = List.copyOf(Files.readAllLines(log.logFile(), StandardCharsets.UTF_8));
        head = Files.readAllBytes(log.headFile());
        assertThat(log.verify().problems()).isEmpty();
    }

    private VerifyResult verify(String content) throws Exception {
        return verify(content, head, Optional.empty());
    }

    private VerifyResult verify(String content, byte[] headBytes, Optional<String> expected) throws Exception {
        Path log = dir.resolve("audit.jsonl");
        Files.writeString(log, content, StandardCharsets.UTF_8);
        Files.write(dir.resolve("audit.head"), headBytes);
        return AuditVerifier.verify(log, dir.resolve("audit.head"), expected);
    }

    // ------------------------------------------------------------------ every mutation of every line

    @Test
    void everyMutationOfEveryLineIsFound() throws Exception {
        List<String> missed = new ArrayList<>();
        int checked = 0;
        for (Mutation m : mutations()) {
            for (int k = 0; k < LINES; k++) {
                String content = m.apply().apply(new ArrayList<>(original), k);
                assertThat(content).as(m.name() + " (line " + (k + 1) + ") changes the file").isNotEqualTo(join(original));
                VerifyResult r = verify(content);
                checked++;
                if (r.ok()) {
                    missed.add(m.name() + " (line " + (k + 1) + "): verify said ok");
                } else if (r.problems().stream().noneMatch(p -> m.expected().contains(p.kind()))) {
                    missed.add(m.name() + " (line " + (k + 1) + "): expected one of " + m.expected() + ", got " + r.problems());
                }
            }
        }
        assertThat(missed).isEmpty();
        assertThat(checked).isEqualTo(mutations().size() * LINES);
    }

    private static List<Mutation> mutations() {
        return List.of(
                new Mutation("editing one character of a value", (l, k) -> set(l, k, editValue(l.get(k))), EnumSet.of(Kind.EDITED)),
                new Mutation("editing a value and re-hashing the line", (l, k) -> set(l, k, rehash(editValue(l.get(k)))),
                        EnumSet.of(Kind.EDITED, Kind.HEAD_MISMATCH)),
                new Mutation("deleting the line", (l, k) -> {
                    l.remove((int) k);
                    return join(l);
                }, EnumSet.of(Kind.DELETED, Kind.TRUNCATED)),
                new Mutation("duplicating the line", (l, k) -> {
                    l.add(k + 1, l.get(k));
                    return join(l);
                }, EnumSet.of(Kind.INSERTED)),
                new Mutation("inserting a forged, correctly hashed line after the line", (l, k) -> {
                    l.add(k + 1, withSeqAndPrev(editValue(l.get(k)), k + 2, hashOf(l.get(k))));
                    return join(l);
                }, EnumSet.of(Kind.INSERTED, Kind.HEAD_MISMATCH)),
                new Mutation("inserting a forged, correctly hashed line before the line", (l, k) -> {
                    String prev = k == 0 ? AuditLines.ZERO_HASH : hashOf(l.get(k - 1));
                    l.add(k, withSeqAndPrev(editValue(l.get(k)), k + 1, prev));
                    return join(l);
                }, EnumSet.of(Kind.INSERTED)),
                new Mutation("swapping the line with the next (the last with the one before)", (l, k) -> {
                    Collections.swap(l, k, k + 1 < LINES ? k + 1 : k - 1);
                    return join(l);
                }, EnumSet.of(Kind.REORDERED)),
                new Mutation("moving the line to the end (the last to the start)", (l, k) -> {
                    String line = l.remove((int) k);
                    l.add(k + 1 < LINES ? l.size() : 0, line);
                    return join(l);
                }, EnumSet.of(Kind.REORDERED)),
                new Mutation("truncating the log from the line on", (l, k) -> join(l.subList(0, k)), EnumSet.of(Kind.TRUNCATED)),
                new Mutation("tearing the line (a crash mid-write) and losing the rest", (l, k) ->
                        join(l.subList(0, k)) + l.get(k).substring(0, l.get(k).length() / 2), EnumSet.of(Kind.TORN)),
                new Mutation("cutting the line short in place", (l, k) -> set(l, k, l.get(k).substring(0, l.get(k).length() / 2)),
                        EnumSet.of(Kind.TORN)),
                new Mutation("blanking the line", (l, k) -> set(l, k, ""), EnumSet.of(Kind.MALFORMED)),
                new Mutation("replacing the line with other JSON", (l, k) -> set(l, k, "{\"seq\":" + (k + 1) + "}"), EnumSet.of(Kind.MALFORMED)));
    }

    private static String set(List<String> lines, int k, String line) {
        lines.set(k, line);
        return join(lines);
    }

    /** Changes one character of the {@code new} value: {@code value-7} becomes {@code Value-7}. */
    private static String editValue(String line) {
        int at = line.indexOf("\"new\":\"value-") + "\"new\":\"".length();
        return line.substring(0, at) + 'V' + line.substring(at + 1);
    }

    // ------------------------------------------------------------------ classification

    @Test
    void anIntactLogVerifiesAndReportsItsHeadHash() throws Exception {
        VerifyResult r = verify(join(original));
        assertThat(r.ok()).isTrue();
        assertThat(r.linesChecked()).isEqualTo(LINES);
        assertThat(r.lastHash()).isEqualTo(hashOf(original.get(LINES - 1)));
    }

    @Test
    void aDeletedLineIsReportedAtTheLineThatFollowedIt() throws Exception {
        List<String> l = new ArrayList<>(original);
        l.remove(4);
        assertThat(verify(join(l)).problems()).containsExactly(
                new Problem(5, Kind.DELETED, "1 line(s) missing before this line (seq 5)"));
    }

    @Test
    void aDuplicatedLineIsReportedAsInsertedAndNothingElse() throws Exception {
        List<String> l = new ArrayList<>(original);
        l.add(5, l.get(4));
        assertThat(verify(join(l)).problems()).extracting(Problem::line, Problem::kind)
                .containsExactly(tuple(6, Kind.INSERTED));
    }

    @Test
    void aForgedLineIsReportedAsInsertedAndNothingElse() throws Exception {
        List<String> l = new ArrayList<>(original);
        l.add(5, withSeqAndPrev(editValue(l.get(4)), 6, hashOf(l.get(4))));
        assertThat(verify(join(l)).problems()).extracting(Problem::line, Problem::kind)
                .containsExactly(tuple(6, Kind.INSERTED));
    }

    @Test
    void swappedLinesAreReportedAsReordered() throws Exception {
        List<String> l = new ArrayList<>(original);
        Collections.swap(l, 4, 5);
        assertThat(verify(join(l)).problems()).extracting(Problem::line, Problem::kind).containsExactly(
                tuple(5, Kind.REORDERED), tuple(6, Kind.REORDERED));
    }

    @Test
    void anEditedLineIsReportedAsEditedAndNothingElse() throws Exception {
        List<String> l = new ArrayList<>(original);
        l.set(7, editValue(l.get(7)));
        assertThat(verify(join(l)).problems()).extracting(Problem::line, Problem::kind)
                .containsExactly(tuple(8, Kind.EDITED));
    }

    @Test
    void truncationNamesHowManyLinesAreMissing() throws Exception {
        VerifyResult r = verify(join(original.subList(0, 17)));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(p.message()).contains("3 line(s) were removed from the end");
        });
    }

    // ------------------------------------------------------------------ head file and expected head

    @Test
    void anEmptyLogWithoutHeadIsFineButALogWithoutHeadIsNot() throws Exception {
        Path log = dir.resolve("none.jsonl");
        assertThat(AuditVerifier.verify(log, dir.resolve("none.head")).ok()).isTrue();
        Files.writeString(log, join(original));
        assertThat(AuditVerifier.verify(log, dir.resolve("none.head")).problems())
                .extracting(Problem::kind).containsExactly(Kind.HEAD_MISMATCH);
        assertThat(verify(join(original), "garbage".getBytes(StandardCharsets.UTF_8), Optional.empty()).problems())
                .extracting(Problem::kind).containsExactly(Kind.HEAD_MISMATCH);
    }

    @Test
    void aRewrittenChainWithARewrittenHeadIsOnlyCaughtByAnExpectedHead() throws Exception {
        String kept = hashOf(original.get(LINES - 1));
        List<String> l = new ArrayList<>(original);
        l.set(4, rehash(editValue(l.get(4))));
        for (int i = 5; i < LINES; i++) {
            l.set(i, withSeqAndPrev(l.get(i), i + 1, hashOf(l.get(i - 1))));
        }
        byte[] forgedHead = ("{\"count\":20,\"hash\":\"" + hashOf(l.get(LINES - 1)) + "\"}\n").getBytes(StandardCharsets.UTF_8);

        assertThat(verify(join(l), forgedHead, Optional.empty()).ok()).as("the documented limit").isTrue();
        VerifyResult withExpectation = verify(join(l), forgedHead, Optional.of(kept));
        assertThat(withExpectation.problems()).extracting(Problem::kind).containsExactly(Kind.HEAD_MISMATCH);
    }

    @Test
    void anExpectedHeadMayBeAnEarlierLineOfALogThatGrewSince() throws Exception {
        String earlier = hashOf(original.get(9));
        assertThat(verify(join(original), head, Optional.of(earlier.toUpperCase())).ok()).isTrue();
        assertThat(verify(join(original.subList(0, 9)),
                ("{\"count\":9,\"hash\":\"" + hashOf(original.get(8)) + "\"}").getBytes(StandardCharsets.UTF_8),
                Optional.of(earlier)).has(Kind.HEAD_MISMATCH)).isTrue();
    }

    @Test
    void anExpectedHeadThatIsNotAHashIsBadInput() {
        assertThatThrownBy(() -> AuditVerifier.verify(dir.resolve("a.jsonl"), dir.resolve("a.head"), Optional.of("abc")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("--expect-head 'abc'");
                });
    }
}
