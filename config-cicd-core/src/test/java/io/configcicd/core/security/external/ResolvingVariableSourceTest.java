package io.configcicd.core.security.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolvingVariableSourceTest {

    private final List<String> asked = new ArrayList<>();

    private final SecretResolver fake = new SecretResolver() {
        @Override
        public String scheme() {
            return "vault";
        }

        @Override
        public String resolve(String reference) {
            asked.add(reference);
            return "value-of-" + reference;
        }
    };

    private final ResolvingVariableSource source = new ResolvingVariableSource(List.of(fake),
            name -> Optional.ofNullable(Map.of("PORT", "9000").get(name)));

    @Test
    void dispatchesSchemeNamesToTheirResolverAndOthersToTheEnvironment() {
        assertThat(source.apply("vault:secret/db#password")).contains("value-of-secret/db#password");
        assertThat(source.apply("PORT")).contains("9000");
        assertThat(source.apply("UNSET")).isEmpty();
        assertThat(asked).containsExactly("secret/db#password");
    }

    @Test
    void recognisesSchemesOnlyInTheirShape() {
        assertThat(source.isExternal("vault:x#y")).isTrue();
        assertThat(source.isExternal("aws-sm:prod/db")).isTrue();
        assertThat(source.isExternal("PORT")).isFalse();
        assertThat(source.isExternal(":x")).isFalse();
        assertThat(source.isExternal("a_b:x")).isFalse();
    }

    @Test
    void anUnknownSchemeIsBadInputNotAnUnsetVariable() {
        assertThatThrownBy(() -> source.apply("valt:secret/db#password")).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("unknown secret store 'valt'").hasMessageContaining("[vault]");
    }

    @Test
    void refusesTwoResolversForOneScheme() {
        assertThatThrownBy(() -> new ResolvingVariableSource(List.of(fake, fake), n -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStandardSourceReadsItsVariablesFromTheGivenMapAndContactsNothing() {
        ResolvingVariableSource standard = ResolvingVariableSource.standard(Map.of("PORT", "1"));
        assertThat(standard.apply("PORT")).contains("1");
        assertThat(standard.isExternal("aws-sm:x")).isTrue();
        assertThatThrownBy(() -> standard.apply("vault:secret/db#password")).hasMessageContaining("VAULT_TOKEN");
    }
}
