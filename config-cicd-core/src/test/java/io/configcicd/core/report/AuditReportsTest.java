package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.audit.VerifyResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditReportsTest {

    private static final String HEAD = "ab".repeat(32);

    private static final VerifyResult DAMAGED = new VerifyResult(7, HEAD,
            List.of(new VerifyResult.Problem(3, VerifyResult.Kind.EDITED, "hash does not match"),
                    new VerifyResult.Problem(0, VerifyResult.Kind.HEAD_MISMATCH, "head file names line 9")),
            List.of("hash chain"), List.of(new VerifyResult.Unfinished(5, 5, "2026-01-02T03:04:05Z", "carol rekey")));

    @Test
    void structureListsVerdictProblemsChecksAndUnfinishedActionsInOutputOrder() {
        Map<String, Object> s = AuditReports.structure(DAMAGED);
        assertThat(s).containsOnlyKeys("ok", "lines", "head", "problems", "checks", "unfinished");
        assertThat(List.copyOf(s.keySet())).containsExactly("ok", "lines", "head", "problems", "checks", "unfinished");
        assertThat(s.get("ok")).isEqualTo(false);
        assertThat(s.get("lines")).isEqualTo(7);
        assertThat(s.get("problems")).isEqualTo(List.of(
                Map.of("line", 0, "kind", "head_mismatch", "message", "head file names line 9"),
                Map.of("line", 3, "kind", "edited", "message", "hash does not match")));
        assertThat(s.get("unfinished")).isEqualTo(List.of(
                Map.of("line", 5, "seq", 5L, "time", "2026-01-02T03:04:05Z", "summary", "carol rekey")));
    }

    @Test
    void textNamesEachProblemThenTheVerdict() {
        assertThat(AuditReports.text(DAMAGED)).isEqualTo("""
                head_mismatch: head file names line 9
                line 3: edited: hash does not match
                unfinished: line 5 (2026-01-02T03:04:05Z) carol rekey
                checked: hash chain
                audit log DAMAGED: 7 lines, head %s
                """.formatted(HEAD));
    }

    @Test
    void textOfAnIntactLogSaysSo() {
        assertThat(AuditReports.text(new VerifyResult(2, HEAD, List.of())))
                .isEqualTo("audit log intact: 2 lines, head " + HEAD + "\n");
    }
}
