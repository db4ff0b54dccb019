package io.configcicd.core.load.toml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.ParseErrors;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The toml-lang/toml-test suite (MIT licensed, see conformance/toml/LICENSE), restricted to the cases listed in
 * {@code tests/files-toml-1.0.0}: every valid case loads to its tagged JSON, every invalid case is rejected with
 * a {@link ConfigParseException} whose message quotes no word of the file longer than a few characters.
 */
class TomlConformanceTest {

    /** Cases this parser does not pass, with the reason. Empty: the whole 1.0.0 list passes. */
    static final Map<String, String> KNOWN_DEVIATIONS = Map.of();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TomlCodec CODEC = new TomlCodec();
    private static final AtomicInteger VALID_TOTAL = new AtomicInteger();
    private static final AtomicInteger VALID_PASSED = new AtomicInteger();
    private static final AtomicInteger INVALID_TOTAL = new AtomicInteger();
    private static final AtomicInteger INVALID_PASSED = new AtomicInteger();

    static Path suiteDir() {
        String dir = System.getProperty("conformance.dir");
        Path base = dir == null || dir.isBlank() ? Path.of("../conformance") : Path.of(dir);
        return base.resolve("toml/tests");
    }

    static List<String> cases() {
        try {
            return Files.readAllLines(suiteDir().resolve("files-toml-1.0.0")).stream()
                    .map(String::trim).filter(l -> l.endsWith(".toml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> toml_test_1_0_0_cases() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c, () -> run(c)));
    }

    @AfterAll
    static void summary() {
        System.out.printf("toml-test 1.0.0: valid %d/%d, invalid %d/%d%n", VALID_PASSED.get(), VALID_TOTAL.get(),
                INVALID_PASSED.get(), INVALID_TOTAL.get());
    }

    private static void run(String name) throws IOException {
        boolean valid = name.startsWith("valid/");
        (valid ? VALID_TOTAL : INVALID_TOTAL).incrementAndGet();
        Assumptions.assumeFalse(KNOWN_DEVIATIONS.containsKey(name), () -> KNOWN_DEVIATIONS.get(name));
        byte[] toml = Files.readAllBytes(suiteDir().resolve(name));
        if (valid) {
            JsonNode expected = JSON.readTree(suiteDir().resolve(name.replaceAll("\\.toml$", ".json")).toFile());
            ConfigNode actual = CODEC.parse(toml, name, LoadLimits.DEFAULT);
            assertMatches(expected, actual, "");
            VALID_PASSED.incrementAndGet();
        } else {
            assertThatThrownBy(() -> CODEC.parse(toml, name, LoadLimits.DEFAULT))
                    .isInstanceOf(ConfigParseException.class)
                    .satisfies(e -> ParseErrors.assertQuotesNoLongWord((ConfigParseException) e, toml, name));
            INVALID_PASSED.incrementAndGet();
        }
    }

    static void assertMatches(JsonNode expected, ConfigNode actual, String where) {
        if (isTagged(expected)) {
            assertThat(actual).as(where).isInstanceOf(ConfigScalar.class);
            assertScalar(expected.get("type").asString(), expected.get("value").asString(), (ConfigScalar) actual,
                    where);
        } else if (expected.isArray()) {
            assertThat(actual).as(where).isInstanceOf(ConfigList.class);
            ConfigList list = (ConfigList) actual;
            assertThat(list.size()).as(where + " size").isEqualTo(expected.size());
            for (int i = 0; i < list.size(); i++) {
                assertMatches(expected.get(i), list.get(i), where + "[" + i + "]");
            }
        } else if (expected.isObject()) {
            assertThat(actual).as(where).isInstanceOf(ConfigMap.class);
            ConfigMap map = (ConfigMap) actual;
            assertThat(map.size()).as(where + " keys " + map.entries().keySet()).isEqualTo(expected.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ConfigNode child = map.getOrNull(e.getKey());
                assertThat(child).as(where + "." + e.getKey()).isNotNull();
                assertMatches(e.getValue(), child, where + "." + e.getKey());
            }
        } else {
            fail("unexpected JSON at " + where + ": " + expected);
        }
    }

    private static boolean isTagged(JsonNode n) {
        return n.isObject() && n.size() == 2 && n.has("type") && n.has("value") && n.get("type").isString()
                && n.get("value").isString();
    }

    private static void assertScalar(String type, String value, ConfigScalar actual, String where) {
        assertThat(actual.typeName()).as(where + " type").isEqualTo(type.equals("bool") ? "boolean" : type);
        Object v = actual.value();
        switch (type) {
            case "string" -> assertThat(v).as(where).isEqualTo(value);
            case "integer" -> assertThat(v).as(where).isEqualTo(Long.parseLong(value));
            case "bool" -> assertThat(v).as(where).isEqualTo(Boolean.parseBoolean(value));
            case "float" -> assertFloat(value, (Double) v, where);
            case "datetime" -> assertThat(v).as(where).isEqualTo(OffsetDateTime.parse(temporal(value)));
            case "datetime-local" -> assertThat(v).as(where).isEqualTo(LocalDateTime.parse(temporal(value)));
            case "date-local" -> assertThat(v).as(where).isEqualTo(LocalDate.parse(value));
            case "time-local" -> assertThat(v).as(where).isEqualTo(LocalTime.parse(temporal(value)));
            default -> fail("unknown type " + type + " at " + where);
        }
    }

    private static void assertFloat(String expected, double actual, String where) {
        String e = expected.toLowerCase(Locale.ROOT);
        if (e.endsWith("nan")) {
            assertThat(Double.isNaN(actual)).as(where + " is nan").isTrue();
        } else if (e.endsWith("inf")) {
            assertThat(actual).as(where).isEqualTo(e.startsWith("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY);
        } else {
            assertThat(actual).as(where).isEqualTo(Double.parseDouble(expected));
        }
    }

    /** The expected text in java.time's ISO form: 'T' and 'Z' upper case, at most nine fraction digits. */
    private static String temporal(String value) {
        String v = value.toUpperCase(Locale.ROOT).replace(' ', 'T');
        return v.replaceAll("(\\.\\d{9})\\d+", "$1");
    }
}
