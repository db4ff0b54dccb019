package io.configcicd.core.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.ParseErrors;
import io.configcicd.core.model.ConfigNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * yaml/yaml-test-suite, tag data-2022-01-17 (MIT licensed, see conformance/yaml/LICENSE). A case with an
 * {@code error} file is rejected; a case whose {@code in.json} holds one document loads to that JSON; a case whose
 * {@code in.json} holds several documents is rejected (a configuration file is one document); every other case
 * loads or is rejected with a {@link ConfigParseException}, never another exception, whose message quotes no word
 * of the file longer than a few characters.
 */
class YamlConformanceTest {

    /**
     * Cases this loader does not pass, with the reason; the test asserts every other case, and asserts that every
     * case listed here still fails (so the list shrinks when the parser improves).
     */
    static final Map<String, String> KNOWN_DEVIATIONS = deviations(
            "on purpose: only the YAML 1.2 core tags are allowed in configuration files",
            "2XXW 565N 6CK3 7FWL C4HZ CC74 CUP7 J7PZ M5C3 P76L UGM3 Z67P Z9M4");

    private static Map<String, String> deviations(String... reasonsAndIds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < reasonsAndIds.length; i += 2) {
            for (String id : reasonsAndIds[i + 1].split(" ")) {
                out.put(id, reasonsAndIds[i]);
            }
        }
        return Map.copyOf(out);
    }

    private static final YamlCodec CODEC = new YamlCodec();
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    enum Expect { ERROR, JSON, MULTI_DOCUMENT, EITHER }

    /** One case: what the suite expects, the expected value when there is one, and what loading did. */
    record Case(String id, Expect expect, Object json, byte[] yaml, ConfigNode loaded, Throwable error) {
    }

    static Path suiteDir() {
        String dir = System.getProperty("conformance.dir");
        Path base = dir == null || dir.isBlank() ? Path.of("../conformance") : Path.of(dir);
        return base.resolve("yaml");
    }

    static List<Path> caseDirs() {
        try (Stream<Path> all = Files.walk(suiteDir())) {
            return all.filter(p -> Files.isRegularFile(p.resolve("in.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> yaml_test_suite_cases() {
        List<Path> dirs = caseDirs();
        assertThat(dirs).hasSizeGreaterThan(300);
        List<Case> cases = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runAll(dirs));
        System.out.println(summary(cases));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static List<Case> runAll(List<Path> dirs) throws IOException {
        List<Case> out = new ArrayList<>();
        for (Path dir : dirs) {
            out.add(run(dir));
        }
        return out;
    }

    private static Case run(Path dir) throws IOException {
        String id = suiteDir().relativize(dir).toString().replace('\\', '/');
        Expect expect = Expect.EITHER;
        Object json = null;
        if (Files.exists(dir.resolve("error"))) {
            expect = Expect.ERROR;
        } else if (Files.exists(dir.resolve("in.json"))) {
            List<Object> docs = jsonDocuments(dir.resolve("in.json"));
            if (docs.size() == 1) {
                expect = Expect.JSON;
                json = docs.get(0);
            } else if (docs.size() > 1) {
                expect = Expect.MULTI_DOCUMENT;
            }
        }
        byte[] yaml = Files.readAllBytes(dir.resolve("in.yaml"));
        try {
            return new Case(id, expect, json, yaml, CODEC.parse(yaml, id + "/in.yaml", LoadLimits.DEFAULT), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Case(id, expect, json, yaml, null, e);
        }
    }

    private static List<Object> jsonDocuments(Path file) throws IOException {
        List<Object> docs = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                docs.add(JSON.readValue(parser, Object.class));
            }
        }
        return docs;
    }

    private static void check(Case c) {
        if (KNOWN_DEVIATIONS.containsKey(c.id())) {
            assertThat(passes(c)).as(c.id() + " is listed as a deviation but passes: remove it from the list")
                    .isFalse();
            return;
        }
        if (c.error() != null) {
            assertThat(c.error()).as(c.id() + " may only be rejected cleanly")
                    .isInstanceOf(ConfigParseException.class);
            ParseErrors.assertQuotesNoLongWord((ConfigParseException) c.error(), c.yaml(), c.id());
        }
        switch (c.expect()) {
            case ERROR, MULTI_DOCUMENT -> assertThat(c.loaded()).as(c.id() + " must be rejected").isNull();
            case JSON -> {
                assertThat(c.error()).as(c.id() + " must load").isNull();
                assertThat(normalize(c.loaded().toPlain())).as(c.id()).isEqualTo(normalize(c.json()));
            }
            default -> { }
        }
    }

    static boolean passes(Case c) {
        if (c.error() != null && !(c.error() instanceof ConfigParseException)) {
            return false;
        }
        return switch (c.expect()) {
            case ERROR, MULTI_DOCUMENT -> c.loaded() == null;
            case JSON -> c.loaded() != null && Objects.equals(normalize(c.loaded().toPlain()), normalize(c.json()));
            case EITHER -> true;
        };
    }

    /** Plain values with every number as a BigDecimal without trailing zeros, so 1, 1L and 1.0 compare equal. */
    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, normalize(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(YamlConformanceTest::normalize).toList();
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return value;
    }

    private static String summary(List<Case> cases) {
        StringBuilder sb = new StringBuilder("yaml-test-suite:");
        for (Expect e : Expect.values()) {
            long total = cases.stream().filter(c -> c.expect() == e).count();
            long passed = cases.stream().filter(c -> c.expect() == e)
                    .filter(c -> !KNOWN_DEVIATIONS.containsKey(c.id())).filter(YamlConformanceTest::passes).count();
            sb.append(String.format(" %s %d/%d,", e.name().toLowerCase().replace('_', '-'), passed, total));
        }
        long loaded = cases.stream().filter(c -> c.loaded() != null).count();
        return sb.append(String.format(" %d loaded, %d known deviations", loaded, KNOWN_DEVIATIONS.size()))
                .toString();
    }
}
