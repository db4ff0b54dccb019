package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SetCommandTest {

    @TempDir
    Path tmp;

    private Path config;

    @BeforeEach
    void copyExamples() {
        config = CliRun.copyOfExamples(tmp);
    }

    private CliRun set(String env, String path, String value, String... more) {
        List<String> args = new ArrayList<>(List.of("set", "--scope", "global", "--name", env, "--path", path, "--value", value));
        args.addAll(List.of(more));
        return CliRun.in(config, args.toArray(String[]::new));
    }

    private JsonNode get(String env, String path) {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", env, "--path", path, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JsonMapper.shared().readTree(r.out());
    }

    @Test
    void storesANumberAsAnInteger() {
        CliRun r = set("production", "kgot.reasoning_depth", "5");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("set kgot.reasoning_depth = 5 in environments/production.yaml\n");
        JsonNode v = get("production", "kgot.reasoning_depth");
        assertThat(v.isIntegralNumber()).isTrue();
        assertThat(v.asInt()).isEqualTo(5);
    }

    @Test
    void storesTrueAsABoolean() {
        assertThat(set("production", "features.experimental_features", "true").exitCode()).isZero();

        JsonNode v = get("production", "features.experimental_features");
        assertThat(v.isBoolean()).isTrue();
        assertThat(v.asBoolean()).isTrue();
    }

    @Test
    void storesAQuotedNumberAsAString() {
        CliRun r = set("production", "metadata.created_by", "\"5\"");

        assertThat(r.out()).isEqualTo("set metadata.created_by = \"5\" in environments/production.yaml\n");
        JsonNode v = get("production", "metadata.created_by");
        assertThat(v.isString()).isTrue();
        assertThat(v.asString()).isEqualTo("5");
    }

    /** Makes development's override document a TOML file, so that the three formats each have an environment. */
    private void developmentInToml() throws Exception {
        Files.delete(config.resolve("environments/development.yaml"));
        Files.writeString(config.resolve("environments/development.toml"), "[metadata]\ncreated_by = \"ops\"\n");
    }

    @ParameterizedTest
    @CsvSource({
            "production, environments/production.yaml, 'created_by: \"#ff0000\"'",
            "staging, environments/staging.json, '\"created_by\": \"#ff0000\"'",
            "development, environments/development.toml, 'created_by = \"#ff0000\"'"})
    void aColourStartingWithAHashIsStoredAsAQuotedStringAndReadsBackAsItself(String env, String file, String line)
            throws Exception {
        developmentInToml();

        CliRun r = set(env, "metadata.created_by", "#ff0000");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("set metadata.created_by = #ff0000 in " + file + "\n");
        assertThat(Files.readString(config.resolve(file))).contains(line).doesNotContain("{}");
        JsonNode v = get(env, "metadata.created_by");
        assertThat(v.isString()).isTrue();
        assertThat(v.asString()).isEqualTo("#ff0000");
    }

    @Test
    void aValueWithAYamlCommentIsRefusedWithAHintToQuoteItAndNothingIsWritten() throws Exception {
        Path prod = config.resolve("environments/production.yaml");
        String before = Files.readString(prod);

        CliRun r = set("production", "metadata.created_by", "blue # the colour");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --value:1:6: '#' here starts a YAML comment")
                .contains("hint: quote the whole value to store it as a string: --value '\"...\"'")
                .doesNotContain("Exception");
        assertThat(Files.readString(prod)).isEqualTo(before);
    }

    @Test
    void aBlankValueIsRefused() {
        CliRun r = set("production", "metadata.created_by", "  ");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("only blanks");
    }

    @ParameterizedTest
    @CsvSource({"1e400", "1e-400"})
    void aNumberOutOfRangeIsRefusedAndNothingIsWritten(String number) throws Exception {
        Path prod = config.resolve("environments/production.yaml");
        String before = Files.readString(prod);

        CliRun r = set("production", "kgot.cache_ttl", number, "--no-validate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --value:1:1: number out of range")
                .contains("hint: quote it to store it as text");
        assertThat(Files.readString(prod)).isEqualTo(before).doesNotContain(".inf");
    }

    @Test
    void infinityWrittenAsSuchIsKeptAndPrintedInItsYamlSpellingNeverAsAJsonNumber() {
        CliRun r = set("production", "kgot.cache_ttl", ".inf", "--no-validate");
        CliRun json = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot",
                "--format", "json");

        assertThat(r.out()).isEqualTo("set kgot.cache_ttl = .inf in environments/production.yaml\n");
        assertThat(json.out()).contains("\"cache_ttl\": \".inf\"").doesNotContain("Infinity");
        assertThat(JsonMapper.shared().readTree(json.out()).get("cache_ttl").asString()).isEqualTo(".inf");
    }

    @Test
    void anIndexUnderAMissingKeyNamesTheWholePathOfTheMissingList() {
        CliRun r = set("production", "kgot.list[5]", "1", "--no-validate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot set kgot.list[5]: there is no list at kgot.list to index into"
                + " (kgot has no key 'list')");
    }

    @Test
    void changesOneLineOfTheFileAndKeepsItsComments() throws Exception {
        Path file = config.resolve("environments/production.yaml");
        List<String> before = Files.readAllLines(file);

        assertThat(set("production", "kgot.num_next_steps_decision", "7").exitCode()).isZero();

        List<String> after = Files.readAllLines(file);
        assertThat(after).hasSameSizeAs(before);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(i);
            }
        }
        assertThat(changed).hasSize(1);
        assertThat(after.get(changed.get(0))).isEqualTo("  num_next_steps_decision: 7  # Override for production");
    }

    @Test
    void editsAJsonOverrideDocument() {
        CliRun r = set("staging", "kgot.reasoning_depth", "6");

        assertThat(r.out()).contains("in environments/staging.json");
        assertThat(get("staging", "kgot.reasoning_depth").asInt()).isEqualTo(6);
    }

    @Test
    void printsJsonWithThePreviousValue() {
        CliRun r = set("production", "kgot.cache_ttl", "60", "--format", "json");

        JsonNode json = JsonMapper.shared().readTree(r.out());
        assertThat(json.get("file").asString()).isEqualTo("environments/production.yaml");
        assertThat(json.get("path").asString()).isEqualTo("kgot.cache_ttl");
        assertThat(json.get("value").asInt()).isEqualTo(60);
        assertThat(json.get("previous").asInt()).isEqualTo(3600);
    }

    @Test
    void masksASecretInItsOutput() {
        CliRun r = set("production", "database.graph_store.password", "hunter2", "--no-validate");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("set database.graph_store.password = ****** in environments/production.yaml\n");
    }

    @Test
    void aValueThatIsNotYamlIsBadInput() {
        CliRun r = set("production", "kgot.reasoning_depth", "[1, 2");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --value");
    }

    @Test
    void aChangeThatBreaksValidationIsRefusedAndNothingIsWritten() throws Exception {
        Path prod = config.resolve("environments/production.yaml");
        String before = Files.readString(prod);

        CliRun refused = set("production", "services.manager_agent.debug", "true");
        CliRun typo = set("production", "kgot.reasoning_depth", "deep");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("refused").contains("[security.debug]").contains("hint: ");
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).contains("[schema]");
        assertThat(Files.readString(prod)).isEqualTo(before);
    }

    @Test
    void aFindingThatWasAlreadyThereDoesNotBlockAnotherChange() throws Exception {
        Path prod = config.resolve("environments/production.yaml");
        Files.writeString(prod, Files.readString(prod).replace("reasoning_depth: 4", "reasoning_depth: deep"));

        CliRun r = set("production", "kgot.cache_ttl", "60");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(prod)).contains("cache_ttl: 60");
    }

    @Test
    void noValidateWritesAnyway() throws Exception {
        CliRun r = set("staging", "kgot.reasoning_depth", "deep", "--no-validate");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(get("staging", "kgot.reasoning_depth").asString()).isEqualTo("deep");
    }
}
