package io.configcicd.core.load.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.ParseErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * nst/JSONTestSuite {@code test_parsing} (MIT licensed, see conformance/json/LICENSE): every {@code y_} file loads,
 * every {@code n_} file is rejected with a {@link ConfigParseException}, every {@code i_} file does one or the
 * other; the whole suite runs within a few seconds, so nothing hangs.
 */
class JsonConformanceTest {

    private static final JsonCodec CODEC = new JsonCodec();

    /**
     * Files whose expected outcome the product changes on purpose, with the reason. The suite accepts duplicate
     * keys (RFC 8259 only says names SHOULD be unique); a configuration file with a key written twice is a mistake
     * that would silently drop a value, so the loader rejects it, naming the key.
     */
    static final Map<String, String> DELIBERATE_DEVIATIONS = Map.of(
            "y_object_duplicated_key.json", "duplicate keys are rejected",
            "y_object_duplicated_key_and_value.json", "duplicate keys are rejected");

    /**
     * Implementation-defined files whose number a double cannot hold: the loader refuses them rather than read them
     * as infinity or 0.0 (i_number_huge_exp is refused by the number-length limit first).
     */
    static final Set<String> OUT_OF_RANGE_NUMBERS = Set.of("i_number_neg_int_huge_exp.json",
            "i_number_pos_double_huge_exp.json", "i_number_real_neg_overflow.json", "i_number_real_pos_overflow.json",
            "i_number_double_huge_neg_exp.json", "i_number_real_underflow.json");

    /** What loading one file did: nothing thrown, or the exception. */
    private record Outcome(Throwable error) {
        boolean loaded() {
            return error == null;
        }
    }

    static Path suiteDir() {
        String dir = System.getProperty("conformance.dir");
        Path base = dir == null || dir.isBlank() ? Path.of("../conformance") : Path.of(dir);
        return base.resolve("json/test_parsing");
    }

    static List<Path> cases() {
        try (Stream<Path> files = Files.list(suiteDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> json_test_suite_parsing_cases() {
        List<Path> cases = cases();
        assertThat(cases).hasSizeGreaterThan(300);
        Map<String, Outcome> outcomes = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> runAll(cases));
        System.out.println(summary(outcomes));
        return outcomes.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
    }

    private static Map<String, Outcome> runAll(List<Path> cases) throws IOException {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (Path p : cases) {
            byte[] bytes = Files.readAllBytes(p);
            String name = p.getFileName().toString();
            try {
                CODEC.parse(bytes, name, LoadLimits.DEFAULT);
                out.put(name, new Outcome(null));
            } catch (RuntimeException | StackOverflowError e) {
                out.put(name, new Outcome(e));
            }
        }
        return out;
    }

    private static void check(String name, Outcome outcome) {
        if (DELIBERATE_DEVIATIONS.containsKey(name)) {
            assertThat(outcome.error()).as(name + ": " + DELIBERATE_DEVIATIONS.get(name))
                    .isInstanceOf(ConfigParseException.class).hasMessageContaining("duplicate key");
        } else if (name.startsWith("y_")) {
            assertThat(outcome.error()).as(name + " must load").isNull();
        } else if (name.startsWith("n_")) {
            assertThat(outcome.error()).as(name + " must be rejected").isInstanceOf(ConfigParseException.class);
            assertCleanMessage(name, (ConfigParseException) outcome.error());
        } else if (OUT_OF_RANGE_NUMBERS.contains(name)) {
            assertThat(outcome.error()).as(name + ": a number a double cannot hold is refused")
                    .isInstanceOf(ConfigParseException.class).hasMessageContaining("number out of range");
        } else if (!outcome.loaded()) {
            assertThat(outcome.error()).as(name + " may only be rejected cleanly")
                    .isInstanceOf(ConfigParseException.class);
        }
    }

    /**
     * A rejection names the file and a line, speaks to the author of the file, not to a Java developer, in the
     * product's words rather than the parser's, and quotes no word of the file longer than a few characters.
     */
    private static void assertCleanMessage(String name, ConfigParseException e) {
        assertThat(e.origin().file()).isEqualTo(name);
        assertThat(e.getMessage()).doesNotContainIgnoringCase("jackson").doesNotContain("Feature")
                .doesNotContain("java.").doesNotContain("Unexpected character").doesNotContain("was expecting")
                .doesNotContain("Unrecognized token").doesNotContain("(code ");
        assertThat(e.getCause()).as(name + ": no parser exception (which quotes tokens) is kept").isNull();
        assertThat(e.hint()).isNotBlank();
        try {
            ParseErrors.assertQuotesNoLongWord(e, Files.readAllBytes(suiteDir().resolve(name)), name);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private static String summary(Map<String, Outcome> outcomes) {
        long y = count(outcomes, "y_");
        long n = count(outcomes, "n_");
        long i = count(outcomes, "i_");
        long yLoaded = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("y_"))
                .filter(e -> e.getValue().loaded()).count();
        long nRejected = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("n_"))
                .filter(e -> e.getValue().error() instanceof ConfigParseException).count();
        long iHandled = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("i_"))
                .filter(e -> e.getValue().loaded() || e.getValue().error() instanceof ConfigParseException).count();
        long iLoaded = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("i_"))
                .filter(e -> e.getValue().loaded()).count();
        return String.format("JSONTestSuite: y %d/%d loaded (%d duplicate-key files rejected on purpose), "
                + "n %d/%d rejected, i %d/%d handled (%d loaded)", yLoaded, y, DELIBERATE_DEVIATIONS.size(),
                nRejected, n, iHandled, i, iLoaded);
    }

    private static long count(Map<String, Outcome> outcomes, String prefix) {
        return outcomes.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }
}
