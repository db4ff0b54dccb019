package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CdsTrainingTest {

    @Test
    void trainingOfEitherKindRunsItsCommandLinesSilentlyAndLeavesNothingBehind() throws IOException {
        List<Path> before = trainingDirectories();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true)) {
            System.setOut(capture);
            System.setErr(capture);
            CdsTraining.main(new String[0]);
            CdsTraining.main(new String[] {"schema"});
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(printed.toString()).isEmpty();
        assertThat(trainingDirectories()).isEqualTo(before);
    }

    @Test
    void theArchiveOfEveryCommandIsTrainedOnAnAssessmentOfARealCommit(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        assertThat(CdsTraining.train(dir, true)).containsExactly(0, 0, 0);
        assertThat(dir.resolve(".git")).isDirectory();
    }

    private static List<Path> trainingDirectories() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("config-cicd-training")).sorted().toList();
        }
    }
}
