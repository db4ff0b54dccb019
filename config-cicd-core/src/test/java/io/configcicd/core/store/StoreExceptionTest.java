package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StoreExceptionTest {

    @ParameterizedTest
    @EnumSource(StoreException.Reason.class)
    void everyReasonIsAnExternalFailureWithExitCode3(StoreException.Reason reason) {
        StoreException e = new StoreException(reason, "cache", "it failed", "do this");

        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL).isEqualTo(StoreException.kindOf(reason));
        assertThat(e.kind().exitCode()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e).isInstanceOf(ConfigCicdException.class);
    }

    @Test
    void theMessageNamesTheTargetAndTheHint() {
        StoreException e = new StoreException(StoreException.Reason.UNAVAILABLE, "cache", "connection refused",
                "start redis");

        assertThat(e.target()).isEqualTo("cache");
        assertThat(e.problem()).isEqualTo("target cache: connection refused");
        assertThat(e.hint()).isEqualTo("start redis");
        assertThat(e.getMessage()).isEqualTo("target cache: connection refused (start redis)");
    }

    @Test
    void aUrlPasswordNeverAppearsInTheProblemOrTheHint() {
        StoreException e = new StoreException(StoreException.Reason.UNAUTHORIZED, "cache",
                "redis://app:s3cr3t-pw@10.0.0.5:6379/0 answered NOAUTH", "check the password of redis://app:s3cr3t-pw@10.0.0.5");

        assertThat(e.getMessage()).doesNotContain("s3cr3t-pw").contains("redis://app:******@10.0.0.5:6379/0");
        assertThat(e.hint()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void aConflictSaysTheTargetChangedSincePlanAndWhatToDo() {
        StoreException e = StoreException.conflict("kv", "the record moved from run-1 to run-2");

        assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
        assertThat(e.problem()).isEqualTo("target kv: target changed since plan: the record moved from run-1 to run-2");
        assertThat(e.hint()).contains("run the deploy again");
    }
}
