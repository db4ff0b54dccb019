package io.configcicd.core.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.configcicd.core.load.yaml.parser.YamlEvents;
import io.configcicd.core.load.yaml.parser.YamlParser;
import io.configcicd.core.load.yaml.parser.YamlSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parser's event stream against the {@code test.event} file of every yaml-test-suite case (the suite's own
 * oracle, in its event notation), and a syntax error for every case with an {@code error} file.
 */
class YamlEventConformanceTest {

    @TestFactory
    Stream<DynamicTest> event_streams_match_the_suite() {
        List<Path> dirs = YamlConformanceTest.caseDirs();
        List<String> failed = new ArrayList<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : dirs) {
            String id = YamlConformanceTest.suiteDir().relativize(dir).toString().replace('\\', '/');
            String outcome = run(dir);
            if (outcome != null) {
                failed.add(id);
            }
            tests.add(DynamicTest.dynamicTest(id, () -> assertThat(outcome).as(id).isNull()));
        }
        System.out.println("yaml-test-suite events: " + (dirs.size() - failed.size()) + "/" + dirs.size()
                + " match" + (failed.isEmpty() ? "" : ", failing: " + failed));
        return tests.stream();
    }

    /** Cut anywhere, every case still parses or is rejected with a syntax error: no other exception, no hang. */
    @Test
    void every_prefix_of_every_case_parses_or_fails_cleanly() {
        List<String> texts = new ArrayList<>();
        for (Path dir : YamlConformanceTest.caseDirs()) {
            try {
                texts.add(Files.readString(dir.resolve("in.yaml"), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String text : texts) {
                for (int end = 0; end < text.length(); end++) {
                    String prefix = text.substring(0, end);
                    try {
                        YamlParser.parse(prefix, new Recorder());
                    } catch (YamlSyntaxException e) {
                        assertThat(e.line()).as(prefix).isPositive();
                        assertThat(e.column()).as(prefix).isPositive();
                    }
                }
            }
        });
    }

    /** Null when the case passes, what went wrong otherwise. */
    private static String run(Path dir) {
        try {
            String yaml = new String(Files.readAllBytes(dir.resolve("in.yaml")), StandardCharsets.UTF_8);
            boolean error = Files.exists(dir.resolve("error"));
            Recorder recorder = new Recorder();
            try {
                YamlParser.parse(yaml, recorder);
            } catch (YamlSyntaxException e) {
                return error ? null : "rejected at " + e.line() + ":" + e.column() + ": " + e.getMessage()
                        + "\n" + recorder.text();
            } catch (RuntimeException | StackOverflowError e) {
                return "failed with " + e;
            }
            if (error) {
                return "accepted an invalid document:\n" + recorder.text();
            }
            String expected = Files.readString(dir.resolve("test.event"), StandardCharsets.UTF_8);
            String actual = recorder.text();
            return expected.strip().equals(actual.strip()) ? null
                    : "expected:\n" + expected + "\nactual:\n" + actual;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes events in the suite's notation. */
    static final class Recorder implements YamlEvents {
        private final StringBuilder sb = new StringBuilder("+STR\n");

        String text() {
            return sb + "-STR\n";
        }

        @Override
        public void documentStart(boolean explicit, int line, int column) {
            sb.append(explicit ? "+DOC ---\n" : "+DOC\n");
        }

        @Override
        public void documentEnd(boolean explicit) {
            sb.append(explicit ? "-DOC ...\n" : "-DOC\n");
        }

        @Override
        public void mappingStart(String anchor, String tag, boolean flow, int line, int column) {
            sb.append("+MAP").append(flow ? " {}" : "");
            props(anchor, tag);
            sb.append('\n');
        }

        @Override
        public void mappingEnd() {
            sb.append("-MAP\n");
        }

        @Override
        public void sequenceStart(String anchor, String tag, boolean flow, int line, int column) {
            sb.append("+SEQ").append(flow ? " []" : "");
            props(anchor, tag);
            sb.append('\n');
        }

        @Override
        public void sequenceEnd() {
            sb.append("-SEQ\n");
        }

        @Override
        public void scalar(String value, Style style, String anchor, String tag, int line, int column) {
            sb.append("=VAL");
            props(anchor, tag);
            sb.append(' ').append(switch (style) {
                case PLAIN -> ':';
                case SINGLE_QUOTED -> '\'';
                case DOUBLE_QUOTED -> '"';
                case LITERAL -> '|';
                case FOLDED -> '>';
            });
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    case '\b' -> sb.append("\\b");
                    default -> sb.append(ch);
                }
            }
            sb.append('\n');
        }

        @Override
        public void alias(String name, int line, int column) {
            sb.append("=ALI *").append(name).append('\n');
        }

        private void props(String anchor, String tag) {
            if (anchor != null) {
                sb.append(" &").append(anchor);
            }
            if (tag != null) {
                sb.append(" <").append(tag).append('>');
            }
        }
    }
}
