package io.configcicd.core.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConsumerScanTest {

    private static final ConfigPath PORT = ConfigPath.parse("services.manager_agent.port");
    private static final ConfigPath DEBUG = ConfigPath.parse("debug");

    private static Map<String, byte[]> files(String... pathsAndTexts) {
        Map<String, byte[]> out = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            out.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aKeyIsFoundByItsDottedPathOrItsLastSegmentsInAnyQuotedLiteral() {
        ConsumerScan scan = new ConsumerScan(List.of("src/**/*"), 20);

        Map<ConfigPath, List<CodeReference>> found = scan.scan(List.of(PORT), files(
                "src/A.java", "int p = cfg.getInt(\"services.manager_agent.port\");\n@Value(\"${manager_agent.port}\")\n",
                "src/b.py", "port = settings['manager_agent.port']\nother = settings['port']\n",
                "src/c.js", "const p = conf.get(`services.manager_agent.port`)\n",
                "src/d.go", "// services.manager_agent.port in a comment is no read\nx := \"manager_agent.port_range\"\n"));

        assertThat(found.get(PORT)).extracting(CodeReference::toString)
                .containsExactly("src/A.java:1", "src/A.java:2", "src/b.py:1", "src/c.js:1");
        assertThat(found.get(PORT).get(2).text()).isEqualTo("port = settings['manager_agent.port']");
    }

    @Test
    void aOneSegmentKeyIsFoundByItsNameAlone() {
        Map<ConfigPath, List<CodeReference>> found = new ConsumerScan(List.of("**"), 20)
                .scan(List.of(DEBUG, PORT), files("App.java", "if (flags.get(\"debug\")) {}\nlog(\"port\");\n"));

        assertThat(found).containsOnlyKeys(DEBUG);
        assertThat(found.get(DEBUG).get(0).line()).isEqualTo(1);
    }

    @Test
    void globsWithDoubleStarAlsoMatchTheDirectoryItself() {
        ConsumerScan scan = new ConsumerScan(List.of("src/**/*.java"), 20);

        assertThat(scan.matches("src/App.java")).isTrue();
        assertThat(scan.matches("src/main/java/io/App.java")).isTrue();
        assertThat(scan.matches("src/App.kt")).isFalse();
        assertThat(scan.matches("test/App.java")).isFalse();
    }

    @Test
    void referencesPerKeyAreCappedAndBinariesSkipped() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            many.append("get(\"services.manager_agent.port\");\n");
        }
        Map<ConfigPath, List<CodeReference>> found = new ConsumerScan(List.of("**"), 5).scan(List.of(PORT), files(
                "a.bin", "\u0000\u0001get(\"services.manager_agent.port\")", "b.java", many.toString()));

        assertThat(found.get(PORT)).hasSize(5).allMatch(r -> r.file().equals("b.java"));
    }

    @Test
    void theSettingsSectionIsReadAndAMistakeNamesItsLine() {
        ConsumerScan scan = ConsumerScan.from(settings("impact:\n  consumers: [\"src/**/*.java\"]\n  max_references: 3\n"));
        assertThat(scan.globs()).containsExactly("src/**/*.java");
        assertThat(scan.isEnabled()).isTrue();
        assertThat(ConsumerScan.from(settings("environments: {dev: {}}\n")).isEnabled()).isFalse();

        assertThatThrownBy(() -> ConsumerScan.from(settings("impact:\n  consumer: [\"src\"]\n")))
                .isInstanceOf(ConfigCicdException.class).hasMessageContaining("consumer")
                .satisfies(e -> assertThat(((ConfigCicdException) e).origin().line()).isEqualTo(2));
        assertThatThrownBy(() -> ConsumerScan.from(settings("impact:\n  consumers: [src]\n  max_references: 0\n")))
                .isInstanceOf(ConfigCicdException.class).hasMessageContaining("max_references");
    }

    private static Settings settings(String yaml) {
        return Settings.from(ConfigDirectory.asMap(Codecs.standard().forFile(Settings.FILE_NAME)
                .parse(yaml.getBytes(StandardCharsets.UTF_8), Settings.FILE_NAME, LoadLimits.DEFAULT), Settings.FILE_NAME));
    }
}
