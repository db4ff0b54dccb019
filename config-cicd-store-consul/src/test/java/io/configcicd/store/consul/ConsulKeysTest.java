package io.configcicd.store.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsulKeysTest {

    private final ConsulKeys keys = new ConsulKeys("kv", "config/production/");

    @Test
    void anEntryIsOneKeyUnderThePrefixWithOneSegmentPerConfigurationKey() {
        assertThat(keys.key("kgot.num_next_steps_decision")).isEqualTo("config/production/kgot/num_next_steps_decision");
        assertThat(keys.entry("config/production/kgot/num_next_steps_decision")).contains("kgot.num_next_steps_decision");
    }

    @Test
    void aSlashOrPercentInsideAConfigurationKeyIsEscapedAndMapsBack() {
        String entry = "labels.\"app.kubernetes.io/name\"";
        String key = keys.key(entry);

        assertThat(key).isEqualTo("config/production/labels/app.kubernetes.io%2Fname");
        assertThat(keys.entry(key)).contains(entry);
        assertThat(ConsulKeys.unescape(ConsulKeys.escape("50%/x%2F"))).isEqualTo("50%/x%2F");
    }

    @Test
    void keysOutsideThePrefixAndFoldersAreNotEntries() {
        assertThat(keys.entry("config/production2/a")).isEmpty();
        assertThat(keys.entry("config/production/folder/")).isEmpty();
    }

    @Test
    void aSegmentConsulRejectsIsRefusedNamingTheConfigurationPath() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> keys.check(StoreContent.Keys.of(Map.of("a.\"..\".b", "secret-value"))));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.problem()).contains("a.\"..\".b").contains("path traversal").doesNotContain("secret-value");
        assertThat(ConsulKeys.segmentProblem(" padded")).isPresent();
        assertThat(ConsulKeys.segmentProblem("x%2e%2e")).isPresent();
        assertThat(ConsulKeys.segmentProblem("num_next_steps_decision")).isEmpty();
    }

    @Test
    void aValueAbove512KiBIsTooLargeBeforeAnyWrite() {
        String big = "x".repeat(ConsulKeys.MAX_VALUE_BYTES + 1);

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> keys.check(StoreContent.Keys.of(Map.of("blob.data", big))));

        assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_LARGE);
        assertThat(e.problem()).contains("blob.data").contains("kv_max_value_size");
    }
}
