package io.configcicd.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.repo.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskingPrintStreamTest {

    private static final String SECRET = "wörd-✓-🔑-secret";

    private final OutputMasker masker = OutputMasker.builder(new SecretMasker(Settings.DEFAULT_SECRET_KEYS))
            .addValue(SECRET).build();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    private String written() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printedLinesAreMasked() {
        PrintStream out = masker.masking(sink);

        out.println("password: " + SECRET);
        out.printf("again %s%n", SECRET);

        assertThat(written()).isEqualTo("password: ******" + System.lineSeparator() + "again ******"
                + System.lineSeparator());
    }

    @Test
    void aSecretWrittenByteByByteIsMaskedWhenItsLineEnds() {
        PrintStream out = masker.masking(sink);
        byte[] bytes = ("x " + SECRET + " y\n").getBytes(StandardCharsets.UTF_8);

        for (byte b : bytes) {
            out.write(b);
        }

        assertThat(written()).isEqualTo("x ****** y\n");
    }

    @Test
    void aFlushPassesOnThePartialLineButNotAnIncompleteCharacter() {
        PrintStream out = masker.masking(sink);
        byte[] check = "✓".getBytes(StandardCharsets.UTF_8);

        out.print("progress " + SECRET);
        out.write(check, 0, 1);
        out.flush();
        String afterFlush = written();
        out.write(check, 1, 2);
        out.close();

        assertThat(afterFlush).isEqualTo("progress ******");
        assertThat(written()).isEqualTo("progress ******✓");
    }

    @Test
    void nothingReachesTheTargetBeforeTheLineEnds() {
        PrintStream out = masker.masking(sink);

        out.print(SECRET.substring(0, 6));

        assertThat(sink.size()).isZero();
        out.print(SECRET.substring(6) + "\n");
        assertThat(written()).isEqualTo("******\n");
    }
}
