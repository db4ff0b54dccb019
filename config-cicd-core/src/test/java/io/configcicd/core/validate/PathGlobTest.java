package io.configcicd.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.PathGlob;
import org.junit.jupiter.api.Test;

class PathGlobTest {

    private static final ConfigMap CONFIG = RuleFixtures.yaml(RuleFixtures.BASE, """
            services:
              manager_agent:
                port: 8080
                tls: {enabled: true}
              web:
                port: 8081
            security:
              tls: {enabled: false}
              db_password: ${DB_PASSWORD}
              db_user: app
            languages: [python, java]
            """);

    private static String found(String glob) {
        return PathGlob.parse(glob).find(CONFIG).stream().map(m -> m.path().toString()).toList().toString();
    }

    @Test
    void starMatchesExactlyOneSegment() {
        assertThat(found("services.*.port")).isEqualTo("[services.manager_agent.port, services.web.port]");
        assertThat(found("*.port")).isEqualTo("[]");
    }

    @Test
    void doubleStarMatchesAnyNumberOfSegmentsIncludingNone() {
        assertThat(found("**.tls.enabled")).isEqualTo("[services.manager_agent.tls.enabled, security.tls.enabled]");
        assertThat(found("security.**.enabled")).isEqualTo("[security.tls.enabled]");
    }

    @Test
    void starInsideAKeyMatchesPartOfIt() {
        assertThat(found("security.db_*")).isEqualTo("[security.db_password, security.db_user]");
    }

    @Test
    void listItemsAreSegmentsToo() {
        assertThat(found("languages.*")).isEqualTo("[languages[0], languages[1]]");
        assertThat(found("languages[1]")).isEqualTo("[languages[1]]");
    }

    @Test
    void scalarMatchesCarryTheLineTheyWereWrittenOn() {
        PathGlob.Match web = PathGlob.parse("services.web.port").find(CONFIG).get(0);
        assertThat(web.origin().file()).isEqualTo("global/base.yaml");
        assertThat(web.origin().line()).isEqualTo(6);
    }

    @Test
    void matchesConcretePaths() {
        PathGlob glob = PathGlob.parse("services.*.port");
        assertThat(glob.matches(ConfigPath.parse("services.web.port"))).isTrue();
        assertThat(glob.matches(ConfigPath.parse("services.web.tls.port"))).isFalse();
        assertThat(PathGlob.parse("**").matches(ConfigPath.parse("a.b[2].c"))).isTrue();
    }

    @Test
    void oneWalkForSeveralGlobsFindsWhatEachGlobFindsAlone() {
        java.util.List<PathGlob> globs = java.util.stream.Stream.of("**", "**.enabled", "services.*.port", "*.*",
                "**.tls.**", "security.db_*", "**.*_password", "languages[1]", "**.**.port", "missing.**", "*",
                "services.**.tls.enabled", "**.*a*").map(PathGlob::parse).toList();

        java.util.List<java.util.List<PathGlob.Match>> each = PathGlob.findEach(globs, CONFIG);

        assertThat(each).hasSize(globs.size());
        for (int i = 0; i < globs.size(); i++) {
            assertThat(each.get(i)).as(globs.get(i).toString()).isEqualTo(globs.get(i).find(CONFIG));
        }
        assertThat(each.get(1)).extracting(m -> m.path().toString())
                .containsExactly("services.manager_agent.tls.enabled", "security.tls.enabled");
    }
}
