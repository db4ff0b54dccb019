package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.store.file.FileStoreProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetSpecsTest {

    /** A stand-in for the redis module's provider: keys by default, a key option with an {environment} default. */
    static class KeysProvider implements StoreProvider {
        @Override
        public String type() {
            return "keyed";
        }

        @Override
        public Layout defaultLayout() {
            return Layout.KEYS;
        }

        @Override
        public Set<String> optionKeys() {
            return Set.of("url", "key");
        }

        @Override
        public Map<String, String> optionDefaults() {
            return Map.of("key", "config:{environment}");
        }

        @Override
        public boolean acceptsResolvedSecrets() {
            return false;
        }

        @Override
        public long storeLimitBytes() {
            return 1024 * 1024;
        }

        @Override
        public ConfigStore open(TargetSpec spec, StoreContext context) {
            throw new UnsupportedOperationException("not opened in these tests");
        }
    }

    private static final StoreProviders PROVIDERS = StoreProviders.of(List.of(new FileStoreProvider(), new KeysProvider()));

    private static ConfigMap targets(String yaml) {
        return (ConfigMap) new YamlCodec().parse(yaml.getBytes(StandardCharsets.UTF_8), "configuration/config-cicd.yaml",
                LoadLimits.DEFAULT);
    }

    private static TargetSpec parse(String yaml, String name, String environment) {
        ConfigNode node = targets(yaml).get(name).orElseThrow();
        return PROVIDERS.parse(name, node, environment);
    }

    private static ConfigCicdException failure(String yaml, String name) {
        return catchThrowableOfType(ConfigCicdException.class, () -> parse(yaml, name, "production"));
    }

    @Test
    void aFileTargetWithOnlyItsTypeGetsTheDefaults() {
        TargetSpec spec = parse("local:\n  type: file\n", "local", "development");

        assertThat(spec.name()).isEqualTo("local");
        assertThat(spec.type()).isEqualTo("file");
        assertThat(spec.environment()).isEqualTo("development");
        assertThat(spec.layout()).isEqualTo(Layout.DOCUMENT);
        assertThat(spec.secrets()).isEqualTo(SecretsMode.REFERENCE);
        assertThat(spec.format()).isEqualTo(DocumentFormat.JSON);
        assertThat(spec.maxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(spec.options()).containsExactly(Map.entry("path", "build/deployed"));
    }

    @Test
    void aKeysStoreDefaultsToTheKeysLayoutItsOwnLimitAndSubstitutesTheEnvironmentInDefaults() {
        TargetSpec spec = parse("cache:\n  type: keyed\n  url: ${REDIS_URL}\n", "cache", "production");

        assertThat(spec.layout()).isEqualTo(Layout.KEYS);
        assertThat(spec.maxBytes()).isEqualTo(1024 * 1024);
        assertThat(spec.option("key")).contains("config:production");
        assertThat(spec.option("url")).as("references are resolved when the store is opened").contains("${REDIS_URL}");
        assertThat(spec.withOptions(v -> v.replace("${REDIS_URL}", "redis://127.0.0.1:6379")).option("url"))
                .contains("redis://127.0.0.1:6379");
    }

    @Test
    void environmentIsSubstitutedInEveryWrittenOption() {
        TargetSpec spec = parse("local:\n  type: file\n  path: out/{environment}/{environment}\n", "local", "staging");

        assertThat(spec.option("path")).contains("out/staging/staging");
    }

    @Test
    void sharedSettingsAreParsedFromTheirWords() {
        TargetSpec spec = parse("local:\n  type: file\n  layout: keys\n  secrets: resolve\n  format: yaml\n"
                + "  max_bytes: 512KiB\n", "local", "production");

        assertThat(spec.layout()).isEqualTo(Layout.KEYS);
        assertThat(spec.secrets()).isEqualTo(SecretsMode.RESOLVE);
        assertThat(spec.format()).isEqualTo(DocumentFormat.YAML);
        assertThat(spec.maxBytes()).isEqualTo(512 * 1024);
    }

    @Test
    void anUnknownKeyIsBadInputAtItsLineNamingTheKeyAndTheKeysThatExist() {
        ConfigCicdException e = failure("local:\n  type: file\n  paht: out\n", "local");

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.origin().line()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("target local: unknown key 'paht'");
        assertThat(e.hint()).isEqualTo("the keys of a file target are format, layout, max_bytes, path, secrets, type");
    }

    @Test
    void anUnknownTypeNamesTheInstalledTypes() {
        ConfigCicdException e = failure("x:\n  type: s3\n", "x");

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.problem()).contains("unknown type 's3'");
        assertThat(e.hint()).contains("file, keyed");
    }

    @Test
    void aProductStoreWhoseModuleIsMissingNamesTheModule() {
        ConfigCicdException e = failure("kv:\n  type: consul\n", "kv");

        assertThat(e.hint()).contains("config-cicd-store-consul");
    }

    @Test
    void aTargetWithoutTypeSaysWhichTypesExist() {
        ConfigCicdException e = failure("local:\n  path: out\n", "local");

        assertThat(e.problem()).isEqualTo("target local has no type");
        assertThat(e.hint()).contains("file", "keyed");
    }

    @Test
    void aLayoutThatIsNoLayoutNamesTheLayouts() {
        ConfigCicdException e = failure("local:\n  type: file\n  layout: flat\n", "local");

        assertThat(e.origin().line()).isEqualTo(3);
        assertThat(e.problem()).contains("layout must be one of keys, document, not 'flat'");
    }

    @Test
    void resolvedSecretsAreRefusedForAStoreThatMustNotHoldThem() {
        ConfigCicdException e = failure("cache:\n  type: keyed\n  secrets: resolve\n", "cache");

        assertThat(e.problem()).contains("cannot hold resolved secrets");
        assertThat(e.hint()).isEqualTo("use secrets: reference");
    }

    @Test
    void maxBytesAboveTheStoresLimitOrNotASizeIsRefused() {
        assertThat(failure("cache:\n  type: keyed\n  max_bytes: 2MiB\n", "cache").problem())
                .contains("above what a keyed store accepts (1048576 bytes)");
        assertThat(failure("local:\n  type: file\n  max_bytes: lots\n", "local").problem())
                .contains("max_bytes must be a positive size, not 'lots'");
        assertThat(failure("local:\n  type: file\n  max_bytes: 0\n", "local").kind()).isEqualTo(ErrorKind.BAD_INPUT);
    }

    @Test
    void anOptionThatIsAMappingIsRefused() {
        ConfigCicdException e = failure("local:\n  type: file\n  path: {a: b}\n", "local");

        assertThat(e.problem()).contains("path must be a single value, not a mapping");
    }

    @Test
    void aTargetCanBeHandedInAsPlainMaps() {
        TargetSpec spec = TargetSpecs.parse("local", Map.of("type", "file", "path", "d/{environment}"), "qa", PROVIDERS);

        assertThat(spec.option("path")).contains("d/qa");
    }

    @Test
    void theSpecsTextNamesNoOptionValue() {
        TargetSpec spec = parse("cache:\n  type: keyed\n  url: redis://u:hunter22@h:6379\n", "cache", "production");

        assertThat(spec.toString()).contains("cache", "keyed", "url").doesNotContain("hunter22");
    }
}
