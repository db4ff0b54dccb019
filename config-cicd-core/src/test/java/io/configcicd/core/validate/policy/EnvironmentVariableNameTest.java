package io.configcicd.core.validate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.repo.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentVariableNameTest {

    private final EnvironmentVariableName names = new EnvironmentVariableName(Settings.DEFAULT_SECRET_KEYS);

    @ParameterizedTest
    @CsvSource({
        "models.model_providers.openai.api_key, OPENAI_API_KEY",
        "database.graph_store.password, GRAPH_STORE_PASSWORD",
        "database.db_password, DB_PASSWORD",
        "password, PASSWORD",
        "auth.clientSecret, CLIENT_SECRET",
        "providers.open-ai.apiKey, OPEN_AI_API_KEY",
        "users[2].token, USERS_2_TOKEN",
        "registry.credentials[1], REGISTRY_CREDENTIALS_1",
        "'labels.\"vault.io/token\"', VAULT_IO_TOKEN",
        "stores.2fa_secret, _2FA_SECRET"
    })
    void namesTheVariableAfterThePath(String path, String expected) {
        assertThat(names.of(ConfigPath.parse(path))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "services.orders.db_password, 1, ORDERS_DB_PASSWORD",
        "services.orders.db_password, 2, SERVICES_ORDERS_DB_PASSWORD",
        "services.orders.db_password, 3, ''",
        "models.model_providers.openai.api_key, 1, MODEL_PROVIDERS_OPENAI_API_KEY",
        "users[2].token, 1, ''",
        "a.users[2].token, 1, A_USERS_2_TOKEN"
    })
    void addsParentKeysToTellSecretsApart(String path, int extra, String expected) {
        assertThat(names.of(ConfigPath.parse(path), extra).orElse("")).isEqualTo(expected);
    }
}
