package io.configcicd.action;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command produced, for {@link ActionRunner} to write (nothing here is masked yet).
 *
 * @param exitCode    0, or 1 when the findings or the risk reach {@code fail_on}
 * @param log         the report as text, for the step's log
 * @param annotations workflow commands, one per line, that put findings and changes at their file:line
 * @param outputs     step outputs by name, in the order they are written
 * @param summary     Markdown for the job summary
 * @param failure     why the step fails, when it does
 */
record StepResult(int exitCode, String log, String annotations, Map<String, String> outputs, String summary,
                  Optional<String> failure) {

    StepResult {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(annotations, "annotations");
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(failure, "failure");
    }
}
