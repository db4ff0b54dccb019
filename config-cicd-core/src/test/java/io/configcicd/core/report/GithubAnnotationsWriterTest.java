package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GithubAnnotationsWriterTest {

    /** How the runner splits a command: {@code ::name properties::data}. */
    private static final Pattern COMMAND = Pattern.compile("^::(\\w+)(?: ([^:]*))?::(.*)$");

    private final List<String> lines =
            ReportFixtures.render(ReportFormat.GITHUB, ReportFixtures.report()).lines().toList();

    @Test
    void writesOneCommandPerFindingWithTheRightLevel() {
        assertThat(lines).hasSize(4);
        assertThat(lines).allMatch(l -> COMMAND.matcher(l).matches());
        assertThat(lines).extracting(l -> parse(l).name)
                .containsExactly("warning", "error", "notice", "error");
        assertThat(lines.get(3)).contains("::production, staging: port 70000");
    }

    @Test
    void givesFileLineColumnAndTitleThatParseBack() {
        Command secret = parse(lines.get(1));

        assertThat(secret.properties).containsExactly(Map.entry("file", ReportFixtures.PRODUCTION_FILE),
                Map.entry("line", "12"), Map.entry("col", "5"), Map.entry("title", "plaintext-secret"));
        assertThat(secret.message).isEqualTo("production: " + ReportFixtures.NASTY + "\nFix: " + ReportFixtures.FIX);
    }

    @Test
    void leavesOutLineAndColumnOfFileLevelFindings() {
        Command fileLevel = parse(lines.get(0));

        assertThat(fileLevel.properties).containsOnlyKeys("file", "title");
        assertThat(fileLevel.properties.get("file")).isEqualTo(ReportFixtures.PRODUCTION_FILE);
    }

    @Test
    void escapesDataAndPropertiesAsTheRunnerExpects() {
        assertThat(GithubAnnotationsWriter.escapeData("100%\r\na:b,c")).isEqualTo("100%25%0D%0Aa:b,c");
        assertThat(GithubAnnotationsWriter.escapeProperty("100%\r\na:b,c")).isEqualTo("100%25%0D%0Aa%3Ab%2Cc");
        assertThat(lines).noneMatch(l -> l.contains("\r"));
    }

    @Test
    void writesNothingWhenNothingIsWrong() {
        assertThat(ReportFixtures.render(ReportFormat.GITHUB, ReportFixtures.clean())).isEmpty();
    }

    private record Command(String name, Map<String, String> properties, String message) {
    }

    private static Command parse(String line) {
        Matcher m = COMMAND.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        Map<String, String> properties = new LinkedHashMap<>();
        if (m.group(2) != null) {
            for (String pair : m.group(2).split(",")) {
                int eq = pair.indexOf('=');
                properties.put(pair.substring(0, eq), unescape(pair.substring(eq + 1)));
            }
        }
        return new Command(m.group(1), properties, unescape(m.group(3)));
    }

    /** The runner's inverse: %0D, %0A, %3A, %2C, then %25 last. */
    private static String unescape(String text) {
        return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
                .replace("%25", "%");
    }
}
