package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code examples/github/config-deployment.yml} (the original design's workflow with this action) parses, uses only
 * the inputs and outputs {@code action.yml} declares and only commands the action runs, and keeps the design's gates:
 * the full history, deploy and monitor only when {@code steps.impact.outputs.risk_level != 'CRITICAL'}, a HIGH change
 * behind a GitHub environment with reviewers, AWS credentials through OIDC.
 */
class ExampleWorkflowTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
    private static final Pattern JOB_OUTPUT = Pattern.compile("needs\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
    private static final String GATE = "steps.impact.outputs.risk_level != 'CRITICAL'";

    private final YAMLMapper yaml = YAMLMapper.shared();

    @Test
    void everyStepOfTheActionNamesOnlyInputsAndOutputsThatActionYmlDeclares() throws IOException {
        JsonNode action = yaml.readTree(Files.readString(ROOT.resolve("action.yml")));
        Set<String> inputs = names(action.path("inputs"));
        Set<String> outputs = names(action.path("outputs"));
        Set<String> commands = new HashSet<>(Arrays.stream(ActionCommand.values()).map(ActionCommand::word).toList());
        JsonNode jobs = workflow().path("jobs");
        assertThat(jobs.size()).isGreaterThan(0);

        int actionSteps = 0;
        for (String jobName : jobs.propertyNames()) {
            JsonNode job = jobs.path(jobName);
            Set<String> ours = new HashSet<>();
            for (JsonNode step : job.path("steps")) {
                if (!isOurs(step)) {
                    continue;
                }
                actionSteps++;
                ours.add(step.path("id").asString(""));
                assertThat(names(step.path("with"))).as(jobName + ": " + step).isSubsetOf(inputs);
                assertThat(step.path("with").path("command").asString()).as(jobName + ": " + step).isIn(commands);
            }
            for (String text : strings(job)) {
                for (Matcher m = STEP_OUTPUT.matcher(text); m.find(); ) {
                    if (ours.contains(m.group(1))) {
                        assertThat(m.group(2)).as(jobName + ": " + text).isIn(outputs);
                    }
                }
                for (Matcher m = JOB_OUTPUT.matcher(text); m.find(); ) {
                    assertThat(names(jobs.path(m.group(1)).path("outputs"))).as(jobName + ": " + text)
                            .contains(m.group(2));
                }
            }
        }
        assertThat(actionSteps).isGreaterThanOrEqualTo(5);
    }

    @Test
    void deployAndMonitorRunOnlyBelowCriticalAfterAnAssessmentOfTheWholeHistoryInTheSameJob() throws IOException {
        JsonNode job = jobWith("monitor");
        List<JsonNode> steps = new ArrayList<>();
        job.path("steps").forEach(steps::add);
        JsonNode checkout = steps.stream().filter(s -> s.path("uses").asString("").startsWith("actions/checkout@"))
                .findFirst().orElseThrow();
        int impact = index(steps, "assess");
        int deploy = index(steps, "deploy");
        int monitor = index(steps, "monitor");

        assertThat(checkout.path("with").path("fetch-depth").asInt(-1)).isZero();
        assertThat(steps.get(impact).path("id").asString()).isEqualTo("impact");
        assertThat(impact).isLessThan(deploy).isLessThan(monitor);
        assertThat(deploy).isLessThan(monitor);
        assertThat(steps.get(deploy).path("if").asString()).contains(GATE);
        assertThat(steps.get(monitor).path("if").asString()).contains(GATE);
        assertThat(steps.get(monitor).path("with").path("duration").asString()).isNotBlank();
        assertThat(steps.get(monitor).path("with").path("deployment_id").asString())
                .isEqualTo("${{ steps.deploy.outputs.deployment_id }}");
        assertThat(job.path("if").asString()).contains("risk_level != 'CRITICAL'");
    }

    @Test
    void aHighChangeWaitsForAReviewerAndAwsCredentialsComeFromOidc() throws IOException {
        JsonNode job = jobWith("monitor");

        assertThat(job.path("environment").asString()).contains("risk_level == 'HIGH'");
        assertThat(job.path("permissions").path("id-token").asString()).isEqualTo("write");
        assertThat(job.path("steps").valueStream().filter(s -> s.path("uses").asString("")
                .startsWith("aws-actions/configure-aws-credentials@"))
                .map(s -> s.path("with").path("role-to-assume").asString(""))).singleElement().asString()
                .isNotBlank();
    }

    private JsonNode workflow() throws IOException {
        return yaml.readTree(Files.readString(ROOT.resolve("examples/github/config-deployment.yml")));
    }

    private JsonNode jobWith(String command) throws IOException {
        JsonNode jobs = workflow().path("jobs");
        for (String name : jobs.propertyNames()) {
            for (JsonNode step : jobs.path(name).path("steps")) {
                if (isOurs(step) && step.path("with").path("command").asString("").equals(command)) {
                    return jobs.path(name);
                }
            }
        }
        throw new AssertionError("no job runs command: " + command);
    }

    private static int index(List<JsonNode> steps, String command) {
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            if (isOurs(s) && s.path("with").path("command").asString("").equals(command)
                    && !s.path("with").path("dry_run").asString("").equals("true")) {
                return i;
            }
        }
        throw new AssertionError("no step runs command: " + command);
    }

    private static boolean isOurs(JsonNode step) {
        String uses = step.path("uses").asString("");
        return uses.startsWith("config-cicd/config-cicd@") || uses.equals("./");
    }

    private static Set<String> names(JsonNode mapping) {
        return new HashSet<>(mapping.propertyNames());
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isString()) {
            out.add(node.asString());
        }
        node.forEach(child -> out.addAll(strings(child)));
        return out;
    }
}
