package io.configcicd.store.appconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.TargetSpec;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AppConfigSettingsTest {

    private static TargetSpec spec(Layout layout, Map<String, String> options) {
        return new TargetSpec("appcfg", AppConfigStoreProvider.TYPE, "production", layout, SecretsMode.REFERENCE,
                DocumentFormat.JSON, 1000, new TreeMap<>(options));
    }

    @Test
    void keysLayoutIsRefusedAsBadInputNamingTheDocumentLayout() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> AppConfigSettings.of(spec(Layout.KEYS, Map.of("application", "kgot"))));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.problem()).contains("target appcfg", "layout: keys");
        assertThat(e.hint()).contains("document");
    }

    @Test
    void defaultsAreTheEnvironmentsNameAllAtOnceThirtyMinutesAndNoCreate() {
        AppConfigSettings s = AppConfigSettings.of(spec(Layout.DOCUMENT, Map.of("application", "kgot")));

        assertThat(s.environment()).isEqualTo("production");
        assertThat(s.profile()).isEqualTo("config");
        assertThat(s.strategy()).isEqualTo("AppConfig.AllAtOnce");
        assertThat(s.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.create()).isFalse();
        assertThat(s.region()).isEmpty();
        assertThat(s.endpoint()).isEmpty();
    }

    @Test
    void aMissingApplicationIsBadInput() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> AppConfigSettings.of(spec(Layout.DOCUMENT, Map.of())));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.problem()).contains("application");
    }

    @Test
    void badTimeoutCreateAndEndpointAreBadInputNamingTheOption() {
        for (Map.Entry<String, String> bad : Map.of("timeout", "soon", "create", "yes", "endpoint",
                "http://user:pw@host").entrySet()) {
            ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> AppConfigSettings.of(
                    spec(Layout.DOCUMENT, Map.of("application", "kgot", bad.getKey(), bad.getValue()))));

            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.problem()).contains(bad.getKey()).doesNotContain("pw@");
        }
    }

    @Test
    void yamlIsSentAsAppConfigsXYamlContentTypeAndReadBackAsTheYamlMediaType() {
        assertThat(AppConfigSettings.contentTypeOf(DocumentFormat.YAML.mediaType())).isEqualTo("application/x-yaml");
        assertThat(AppConfigStore.mediaTypeOf("application/x-yaml")).isEqualTo(DocumentFormat.YAML.mediaType());
        assertThat(AppConfigSettings.contentTypeOf(DocumentFormat.JSON.mediaType())).isEqualTo("application/json");
    }
}
