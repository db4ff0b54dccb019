package io.configcicd.core.security.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.Interpolator;
import io.configcicd.core.load.UnresolvedReferenceException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.security.SecretMasker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExternalSecretInterpolatorIT {

    private static final String FILE = "environments/prod.yaml";
    private static final String VAULT_PASSWORD = "vault-db-pa55";
    private static final String AWS_KEY = "sk-aws-held-key";

    private final VaultDouble vault = VaultDouble.start("s.ci")
            .put("secret/data/db", Map.of("password", VAULT_PASSWORD, "user", "app"));
    private final SecretsManagerDouble aws = SecretsManagerDouble.start()
            .put("prod/openai", "{\"api_key\":\"" + AWS_KEY + "\"}");

    @AfterEach
    void stop() {
        vault.close();
        aws.close();
    }

    private ResolvingVariableSource source(String vaultToken) {
        Map<String, String> env = vaultToken == null ? Map.of("VAULT_ADDR", vault.address(), "PORT", "5432")
                : Map.of("VAULT_ADDR", vault.address(), "VAULT_TOKEN", vaultToken, "PORT", "5432");
        return new ResolvingVariableSource(List.of(new VaultKvResolver(env), new AwsSecretsManagerResolver(
                Map.of("AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.address()), AwsSecretsManagerResolverIT.CREDENTIALS,
                Duration.ofSeconds(2), Duration.ofSeconds(5))), name -> Optional.ofNullable(env.get(name)));
    }

    private static ConfigScalar at(String value, int line) {
        return ConfigScalar.string(value, Origin.of(FILE, line, 13));
    }

    private static ConfigMap tree(String password) {
        ConfigMap db = ConfigMap.builder(Origin.of(FILE, 2, 1))
                .put("url", at("postgres://${vault:secret/db#user}@db:${PORT}/app", 3))
                .put("password", at(password, 4)).build();
        ConfigList keys = ConfigList.of(List.of(at("${aws-sm:prod/openai#api_key}", 6),
                at("literal $${vault:secret/db#password}", 7)), Origin.of(FILE, 6, 5));
        return ConfigMap.builder(Origin.file(FILE)).put("database", db).put("keys", keys).build();
    }

    @Test
    void resolvesVaultAwsAndEnvironmentReferencesKeepingOrigins() {
        ConfigMap out = new ExternalSecretInterpolator(source("s.ci")).resolve(tree("${vault:secret/db#password}"));
        assertThat(out.toPlain()).isEqualTo(Map.of(
                "database", Map.of("url", "postgres://app@db:5432/app", "password", VAULT_PASSWORD),
                "keys", List.of(AWS_KEY, "literal ${vault:secret/db#password}")));
        ConfigMap db = (ConfigMap) out.getOrNull("database");
        assertThat(db.getOrNull("password").origin()).isEqualTo(Origin.of(FILE, 4, 13));
        assertThat(((ConfigList) out.getOrNull("keys")).get(0).origin()).isEqualTo(Origin.of(FILE, 6, 13));
        assertThat(vault.requests("secret/data/db")).isEqualTo(1);
        assertThat(aws.requests("prod/openai")).isEqualTo(1);
    }

    @Test
    void resolvesOneSubtreeAtItsPath() {
        ConfigMap db = (ConfigMap) tree("${vault:secret/db#password}").getOrNull("database");
        ConfigNode out = new ExternalSecretInterpolator(source("s.ci")).resolve(db.getOrNull("password"),
                ConfigPath.ofKeys("database", "password"));
        assertThat(out.toPlain()).isEqualTo(VAULT_PASSWORD);
    }

    @Test
    void failuresNameTheFileLineAndPathOfTheReference() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> new ExternalSecretInterpolator(source("s.ci")).resolve(tree("${vault:secret/db#passwd}")));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).contains(FILE + ":4:13").contains("database.password").contains("passwd");
        Leaks.assertNoSecretIn(e, VAULT_PASSWORD, AWS_KEY);
    }

    @Test
    void wrongTokenAndMissingTokenStopResolutionWithoutLeakingValues() {
        ConfigCicdException denied = catchThrowableOfType(ConfigCicdException.class,
                () -> new ExternalSecretInterpolator(source("s.wrong")).resolve(tree("${vault:secret/db#password}")));
        assertThat(denied.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(denied.getMessage()).contains(FILE + ":3:13").contains("permission denied");
        ConfigCicdException missing = catchThrowableOfType(ConfigCicdException.class,
                () -> new ExternalSecretInterpolator(source(null)).resolve(tree("${vault:secret/db#password}")));
        assertThat(missing.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(missing.getMessage()).contains("VAULT_TOKEN");
        Leaks.assertNoSecretIn(denied, VAULT_PASSWORD, AWS_KEY, "s.wrong");
        Leaks.assertNoSecretIn(missing, VAULT_PASSWORD, AWS_KEY);
    }

    @Test
    void unknownSchemeIsBadInputAndUnsetVariablesStayUnresolvedReferences() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> new ExternalSecretInterpolator(source("s.ci")).resolve(tree("${valt:secret/db#password}")));
        assertThat(e.getMessage()).contains("unknown secret store 'valt'").contains(FILE + ":4:13");
        assertThat(catchThrowableOfType(UnresolvedReferenceException.class,
                () -> new ExternalSecretInterpolator(source("s.ci")).resolve(tree("${NEO4J_PASSWORD}"))).variable())
                .isEqualTo("NEO4J_PASSWORD");
    }

    @Test
    void aDefaultOnAnExternalReferenceIsRefused() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> new ExternalSecretInterpolator(
                source("s.ci")).resolve(tree("${vault:secret/db#password:-changeme}")));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).contains("has a default").contains(FILE + ":4:13");
        assertThat(vault.requests()).isZero();
    }

    @Test
    void readingListingAndMaskingContactNoStore() {
        ConfigMap tree = tree("${vault:secret/db#password}");
        ResolvingVariableSource source = source("s.ci");
        new ExternalSecretInterpolator(source);
        assertThat(Interpolator.references(tree)).extracting(Interpolator.Reference::variable)
                .containsExactly("vault:secret/db#user", "PORT", "vault:secret/db#password",
                        "aws-sm:prod/openai#api_key");
        ConfigMap masked = (ConfigMap) new SecretMasker(List.of("password")).mask(tree);
        assertThat(((ConfigMap) masked.getOrNull("database")).getOrNull("password").toPlain())
                .isEqualTo(SecretMasker.MASK);
        assertThat(vault.requests()).isZero();
        assertThat(aws.requests()).isZero();
    }

    @Test
    void theInterpolatorItselfResolvesSchemeNames() {
        ConfigMap out = new ExternalSecretInterpolator(source("s.ci")).resolve(tree("${vault:secret/db#password}"));
        assertThat(((ConfigMap) out.getOrNull("database")).getOrNull("password").toPlain()).isEqualTo(VAULT_PASSWORD);
        assertThat(new Interpolator(source("s.ci")).resolve(tree("${vault:secret/db#password}")).toPlain())
                .isEqualTo(out.toPlain());
    }
}
