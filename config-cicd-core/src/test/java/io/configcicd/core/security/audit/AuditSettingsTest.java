package io.configcicd.core.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AuditSettingsTest {

    private static ConfigMap yaml(String text) {
        return (ConfigMap) new YamlCodec().parse(text.getBytes(StandardCharsets.UTF_8), Settings.FILE_NAME, LoadLimits.DEFAULT);
    }

    private static void assertBadInputAt(String text, String where, String problem) {
        assertThatThrownBy(() -> AuditSettings.from(yaml(text)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.origin().toString()).startsWith(where);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void withoutASectionTheLogIsEnabledAtItsDefaultPlace() {
        assertThat(AuditSettings.from(yaml("environments: [development]\n"))).isEqualTo(AuditSettings.DEFAULT);
        assertThat(AuditSettings.DEFAULT.logFile(Path.of("/repo/configuration")))
                .isEqualTo(Path.of("/repo/configuration/.config-cicd/audit/audit.jsonl"));
        assertThat(AuditSettings.headFile(Path.of("/x/audit.jsonl"))).isEqualTo(Path.of("/x/audit.head"));
        assertThat(AuditSettings.headFile(Path.of("/x/trail.log"))).isEqualTo(Path.of("/x/trail.log.head"));
    }

    @Test
    void aRelativePathStaysInsideTheDirectoryAndAnAbsoluteOneIsTakenAsIs() {
        AuditSettings relative = AuditSettings.from(yaml("audit:\n  path: logs/./trail.jsonl\n  enabled: true\n"));
        assertThat(relative.logFile(Path.of("/repo/conf"))).isEqualTo(Path.of("/repo/conf/logs/trail.jsonl"));
        AuditSettings absolute = AuditSettings.from(yaml("audit: {path: /var/log/config-cicd/audit.jsonl}\n"));
        assertThat(absolute.logFile(Path.of("/repo/conf"))).isEqualTo(Path.of("/var/log/config-cicd/audit.jsonl"));
        assertThat(AuditSettings.from(yaml("audit: {enabled: false}\n")).enabled()).isFalse();
    }

    @Test
    void malformedSectionsAreErrorsAtTheirFileAndLine() {
        assertBadInputAt("environments: []\naudit: [on]\n", "config-cicd.yaml:2", "audit must be a mapping");
        assertBadInputAt("audit:\n  enabled: yes please\n", "config-cicd.yaml:2", "audit.enabled must be true or false");
        assertBadInputAt("audit:\n  enabled: true\n  path: 42\n", "config-cicd.yaml:3", "audit.path must be a string");
        assertBadInputAt("audit:\n  enabled: true\n  rotate: daily\n", "config-cicd.yaml:3", "unknown field 'audit.rotate'");
        assertBadInputAt("audit:\n  path: ../../elsewhere/audit.jsonl\n", "config-cicd.yaml:2", "leads outside the configuration directory");
        assertBadInputAt("audit:\n  path: logs/\n", "config-cicd.yaml:2", "does not name a file");
    }
}
