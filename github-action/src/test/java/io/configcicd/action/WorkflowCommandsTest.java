package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowCommandsTest {

    @Test
    void eachLineOfASecretIsMaskedOnceAndEscapedAsTheRunnerUnescapesIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        WorkflowCommands.addMasks(List.of("-----BEGIN KEY-----\nMIIEabc\n\n-----END KEY-----", "100%secret",
                "MIIEabc"), out);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("::add-mask::-----BEGIN KEY-----",
                "::add-mask::MIIEabc", "::add-mask::-----END KEY-----", "::add-mask::100%25secret");
    }

    @Test
    void annotationsEscapeTheirPropertiesAndMessage() {
        assertThat(WorkflowCommands.annotation("error", "config/a,b.yaml", 3, 0, "config-cicd", "bad: x\nhint: y"))
                .isEqualTo("::error file=config/a%2Cb.yaml,line=3,title=config-cicd::bad: x%0Ahint: y");
        assertThat(WorkflowCommands.annotation("warning", "t", "50% done"))
                .isEqualTo("::warning title=t::50%25 done");
    }
}
