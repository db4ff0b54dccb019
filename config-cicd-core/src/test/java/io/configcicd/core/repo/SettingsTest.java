package io.configcicd.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.FormatCodec;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.json.JsonCodec;
import io.configcicd.core.load.toml.TomlCodec;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Origin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static ConfigMap yaml(String text) {
        return (ConfigMap) new YamlCodec().parse(text.getBytes(StandardCharsets.UTF_8), Settings.FILE_NAME,
                LoadLimits.DEFAULT);
    }

    private static Settings settings(String text) {
        return Settings.from(yaml(text));
    }

    private static ConfigCicdException rejected(String text) {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> settings(text));
        assertThat(e).as("settings rejected: " + text).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        return e;
    }

    @Test
    void every_limit_key_of_the_settings_file_sets_its_limit() {
        Settings s = settings("limits: {max_document_bytes: 1000, max_depth: 7, max_aliases: 3,"
                + " max_string_length: 50, max_number_length: 20}\n");
        assertThat(s.limits()).isEqualTo(new LoadLimits(1000, 7, 3, 50, 20));
    }

    /** Each loader's limit error in each format, for a hint to be read from. */
    private static List<ConfigParseException> limitErrors() {
        List<ConfigParseException> out = new ArrayList<>();
        LoadLimits d = LoadLimits.DEFAULT;
        FormatCodec yaml = new YamlCodec();
        FormatCodec json = new JsonCodec();
        FormatCodec toml = new TomlCodec();
        out.add(limitError(yaml, "a: {b: 1}\n", d.withMaxDepth(1)));
        out.add(limitError(yaml, "a: abcdef\n", d.withMaxStringLength(3)));
        out.add(limitError(yaml, "a: 123456\n", d.withMaxNumberLength(3)));
        out.add(limitError(yaml, "a: &x 1\nb: *x\n", d.withMaxAliases(0)));
        out.add(limitError(yaml, "a: 123456\n", d.withMaxDocumentBytes(5)));
        out.add(limitError(json, "{\"a\": {\"b\": 1}}", d.withMaxDepth(1)));
        out.add(limitError(json, "{\"a\": \"abcdef\"}", d.withMaxStringLength(3)));
        out.add(limitError(json, "{\"a\": 123456}", d.withMaxNumberLength(3)));
        out.add(limitError(json, "{\"a\": 123456}", d.withMaxDocumentBytes(5)));
        out.add(limitError(toml, "a = {b = {c = 1}}\n", d.withMaxDepth(1)));
        out.add(limitError(toml, "a = \"abcdef\"\n", d.withMaxStringLength(3)));
        out.add(limitError(toml, "abcdef = 1\n", d.withMaxStringLength(3)));
        out.add(limitError(toml, "a = 123456\n", d.withMaxNumberLength(3)));
        out.add(limitError(toml, "a = 123456\n", d.withMaxDocumentBytes(5)));
        return out;
    }

    private static ConfigParseException limitError(FormatCodec codec, String text, LoadLimits limits) {
        ConfigParseException e = catchThrowableOfType(ConfigParseException.class,
                () -> codec.parse(text.getBytes(StandardCharsets.UTF_8), "global/a." + codec.format(), limits));
        assertThat(e).as(codec.format() + " rejects " + text).isNotNull();
        return e;
    }

    @Test
    void limit_hints_name_keys_that_the_settings_file_accepts() {
        Pattern named = Pattern.compile("limits\\.([A-Za-z_]+)");
        Set<String> hinted = new TreeSet<>();
        for (ConfigParseException e : limitErrors()) {
            Matcher m = named.matcher(e.hint());
            assertThat(m.find()).as("the hint of '" + e.getMessage() + "' names the limit to raise").isTrue();
            String key = m.group(1);
            assertThat(e.hint()).contains("config-cicd.yaml");
            assertThat(settings("limits:\n  " + key + ": 5\n").limits()).as(key).isNotEqualTo(LoadLimits.DEFAULT);
            hinted.add(key);
        }
        assertThat(hinted).containsExactlyInAnyOrder("max_document_bytes", "max_depth", "max_aliases",
                "max_string_length", "max_number_length");
    }

    @Test
    void an_unknown_limit_is_an_error_at_its_line_listing_the_limits_and_the_likely_one() {
        ConfigCicdException e = rejected("limits:\n  max_depth: 10\n  maxAliases: 5\n");
        assertThat(e.origin()).isEqualTo(Origin.of(Settings.FILE_NAME, 3, 3));
        assertThat(e.problem()).contains("unknown key 'limits.maxAliases'");
        assertThat(e.hint()).contains("did you mean 'limits.max_aliases'?")
                .contains("max_document_bytes, max_depth, max_aliases, max_string_length, max_number_length");
    }

    @Test
    void an_unknown_top_level_key_is_an_error_at_its_line_listing_the_sections() {
        ConfigCicdException e = rejected("environments: [dev]\nenviroment:\n  production: {}\n");
        assertThat(e.origin()).isEqualTo(Origin.of(Settings.FILE_NAME, 2, 1));
        assertThat(e.problem()).isEqualTo("config-cicd.yaml: unknown section 'enviroment'");
        assertThat(e.hint()).contains("environments, limits, secrets, validation, rules, policy, waivers, risk, "
                + "impact, access, audit");
    }

    @Test
    void every_section_the_product_reads_is_accepted() {
        assertThat(settings("environments: {production: {protected: true}, development:}\nlimits: {}\n"
                + "secrets: {keys: [password], exclude: [token_ttl]}\nvalidation: {}\nrules: []\npolicy: {}\n"
                + "waivers: []\nrisk: {}\nimpact: {}\naccess: {}\naudit: {}\n").secretKeys())
                .containsExactly("password", "!token_ttl");
    }

    @Test
    void an_unknown_key_of_secrets_is_an_error_listing_keys_and_exclude() {
        ConfigCicdException e = rejected("secrets:\n  keys: [password]\n  excludes: [token_ttl]\n");
        assertThat(e.origin()).isEqualTo(Origin.of(Settings.FILE_NAME, 3, 3));
        assertThat(e.problem()).contains("unknown key 'secrets.excludes'");
        assertThat(e.hint()).contains("keys, exclude");
    }

    @Test
    void secrets_keys_that_is_not_a_list_is_an_error_rather_than_the_defaults() {
        assertThat(rejected("secrets:\n  keys: password\n").problem())
                .contains("secrets.keys must be a list of strings");
        assertThat(rejected("secrets: [password]\n").problem()).contains("secrets must be a mapping");
    }

    @Test
    void an_unknown_field_of_an_environment_is_an_error_listing_the_fields() {
        ConfigCicdException e = rejected("environments:\n  production:\n    protect: true\n");
        assertThat(e.origin()).isEqualTo(Origin.of(Settings.FILE_NAME, 3, 5));
        assertThat(e.problem()).contains("unknown key 'environments.production.protect'");
        assertThat(e.hint()).contains("protected");
        assertThat(rejected("environments:\n  staging: yes\n").problem())
                .contains("environments.staging must be a mapping");
    }

    @Test
    void environments_keep_their_protection() {
        Settings s = settings("environments:\n  production:\n  staging: {protected: true}\n  dev: {}\n");
        assertThat(s.isProtected("production")).isTrue();
        assertThat(s.isProtected("staging")).isTrue();
        assertThat(s.isProtected("dev")).isFalse();
        assertThatThrownBy(() -> settings("environments:\n  dev: {protected: 1}\n"))
                .isInstanceOf(ConfigCicdException.class).hasMessageContaining("true or false");
    }
}
