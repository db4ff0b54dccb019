package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AssessRequestTest {

    @Test
    void theBaseIsTheFirstParentUnlessGivenAndTheNullCommitOfANewBranchMeansTheFirstParentToo() {
        AssessRequest request = AssessRequest.of(Path.of("configuration")).withHead("abc123");

        assertThat(request.baseRevision()).isEqualTo("abc123^");
        assertThat(request.withBase("origin/main").baseRevision()).isEqualTo("origin/main");
        assertThat(request.withBase("0".repeat(40)).baseRevision()).isEqualTo("abc123^");
    }
}
