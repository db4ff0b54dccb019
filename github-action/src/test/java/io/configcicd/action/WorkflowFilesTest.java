package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aDelimiterThatOccursInTheValueIsDrawnAgain() {
        ArrayDeque<String> draws = new ArrayDeque<>(List.of("abc", "xyz"));

        String entry = WorkflowFiles.entry("changed_keys", "a.b\nghadelimiter_abc\nc.d", draws::poll);

        assertThat(entry).isEqualTo("changed_keys<<ghadelimiter_xyz\na.b\nghadelimiter_abc\nc.d\nghadelimiter_xyz\n");
        assertThat(GithubOutput.parse(entry)).containsEntry("changed_keys", "a.b\nghadelimiter_abc\nc.d");
    }

    @Test
    void outputsAreAppendedMaskedAndEachGetsItsOwnDelimiter() throws Exception {
        Path file = tmp.resolve("output");
        Files.writeString(file, "earlier=step\n");
        OutputMasker masker = OutputMasker.builder(new SecretMasker(Settings.DEFAULT_SECRET_KEYS))
                .addValue("hunter2-secret").build();
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("risk_level", "LOW");
        outputs.put("changed_keys", "db.url\nnote: hunter2-secret");
        outputs.put("deployment_id", "");

        boolean written = new WorkflowFiles(Optional.of(file), Optional.empty(), masker::mask).setOutputs(outputs);

        String text = Files.readString(file);
        assertThat(written).isTrue();
        assertThat(text).startsWith("earlier=step\n").doesNotContain("hunter2-secret");
        assertThat(GithubOutput.parse(text)).containsExactly(Map.entry("earlier", "step"), Map.entry("risk_level", "LOW"),
                Map.entry("changed_keys", "db.url\nnote: ******"), Map.entry("deployment_id", ""));
        assertThat(text.lines().filter(l -> l.contains("<<")).map(l -> l.substring(l.indexOf("<<"))).distinct())
                .hasSize(3);
    }

    @Test
    void theSummaryIsAppendedAndWithoutRunnerFilesNothingIsWritten() throws Exception {
        Path summary = tmp.resolve("summary.md");
        WorkflowFiles files = new WorkflowFiles(Optional.empty(), Optional.of(summary), OutputMasker.none()::mask);

        files.appendSummary("## first");
        files.appendSummary("## second\n");

        assertThat(Files.readString(summary)).isEqualTo("## first\n## second\n");
        assertThat(files.setOutputs(Map.of("risk_level", "LOW"))).isFalse();
    }
}
