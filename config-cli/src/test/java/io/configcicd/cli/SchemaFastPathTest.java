package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --schema} without picocli: the same output, exit code and files as through picocli. */
class SchemaFastPathTest {

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["port"],
             "properties": {"port": {"type": "integer", "maximum": 65535},
               "level": {"enum": ["debug", "info"]},
               "database": {"properties": {"password": {"type": "string", "pattern": "^\\\\$\\\\{[A-Z_]+}$"}}}}}
            """;

    @TempDir
    Path tmp;

    private String schema;
    private String good;
    private String bad;

    @BeforeEach
    void writeFiles() throws IOException {
        schema = write("service.schema.json", SCHEMA);
        good = write("good.yaml", "port: 80\nlevel: info\n");
        bad = write("bad.toml", "# a service\nport = \"eighty\"\nlevel = \"loud\"\n");
    }

    @Test
    void passingFilesGiveTheSameOutputAndExitCodeAsThroughPicocli() throws IOException {
        String json = write("svc.json", "{\"port\": 443}");

        CliRun fast = same("validate", "--schema", schema, good, json);

        assertThat(fast.exitCode()).isZero();
        assertThat(fast.out()).contains("no findings");
    }

    @Test
    void failingFilesGiveTheSameFindingsInEveryFormatAsThroughPicocli() {
        for (String format : List.of("text", "json", "junit", "sarif", "gitlab", "github")) {
            CliRun fast = same("--format", format, "validate", "--schema", schema, good, bad);

            assertThat(fast.exitCode()).as(format).isEqualTo(1);
            assertThat(fast.out()).as(format).contains("bad.toml");
        }
        assertThat(same("validate", "--schema=" + schema, "--format=json", bad).out()).contains("eighty");
    }

    @Test
    void failOnDecidesTheExitCodeAsThroughPicocli() {
        assertThat(same("validate", "--schema", schema, "--fail-on", "critical", bad).exitCode()).isZero();
        assertThat(same("validate", "--fail-on", "warning", "--schema", schema, bad).exitCode()).isEqualTo(1);
    }

    @Test
    void manyFilesGiveTheSameFindingsAsThroughPicocli() throws IOException {
        List<String> args = new ArrayList<>(List.of("validate", "--schema", schema));
        for (int i = 0; i < 30; i++) {
            args.add(write("many-" + i + ".yaml", i % 3 == 0 ? "port: " + (70000 + i) + "\n" : "port: " + i + "\n"));
        }

        CliRun fast = same(args.toArray(String[]::new));

        assertThat(fast.exitCode()).isEqualTo(1);
        assertThat(fast.out()).contains("many-27.yaml").doesNotContain("many-28.yaml");
    }

    @Test
    void aSecretThatBreaksThePatternIsMaskedAsThroughPicocli() throws IOException {
        String leaky = write("leaky.yaml", "port: 1\ndatabase:\n  password: hunter2-Sup3rSecret\n");

        CliRun fast = same("validate", "--schema", schema, "--config-dir", tmp.toString(), leaky);

        assertThat(fast.exitCode()).isEqualTo(1);
        assertThat(fast.out()).contains("leaky.yaml").doesNotContain("hunter2");
    }

    @Test
    void outputAndReportFilesAreWrittenAsThroughPicocli() throws IOException {
        List<String> written = new ArrayList<>();
        for (String run : List.of("picocli", "fast")) {
            Path out = tmp.resolve(run + "/out.json");
            Path junit = tmp.resolve(run + "/reports/junit.xml");
            String[] args = {"--output", out.toString(), "--format", "json", "validate", "--schema", schema,
                    "--report", "junit=" + junit, good, bad};
            CliRun r = run.equals("fast") ? fast(args) : CliRun.run(args);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            written.add(Files.readString(out) + Files.readString(junit));
        }

        assertThat(written.get(1)).isEqualTo(written.get(0)).contains("bad.toml");
    }

    @Test
    void badInputIsReportedAsThroughPicocliWithoutAStackTrace() throws IOException {
        String notJson = write("broken.schema.json", "{\n  \"type\": \"object\",\n  oops\n}\n");
        String notSchema = write("wrong.schema.json", "{\"type\": 12}");
        List<List<String>> cases = List.of(
                List.of("validate", "--schema", schema),
                List.of("validate", "--schema", tmp.resolve("absent.json").toString(), good),
                List.of("validate", "--schema", notJson, good),
                List.of("validate", "--schema", notSchema, good),
                List.of("--format", "nope", "validate", "--schema", schema, good),
                List.of("validate", "--schema", schema, "--fail-on", "bogus", good),
                List.of("validate", "--schema", schema, "--report", "junit", good));
        for (List<String> args : cases) {
            CliRun fast = same(args.toArray(String[]::new));

            assertThat(fast.exitCode()).as("%s", args).isEqualTo(2);
            assertThat(fast.out()).as("%s", args).isEmpty();
            assertThat(fast.err()).as("%s", args).startsWith("error: ").contains("\nhint: ").doesNotContain("\tat ");
        }
        assertThat(same("validate", "--schema", notJson, good).err()).contains("broken.schema.json:3:3: ");
    }

    @Test
    void whatTheFastPathDoesNotKnowIsLeftToPicocli() {
        List<List<String>> cases = List.of(
                List.of(),
                List.of("--help"),
                List.of("--version"),
                List.of("validate"),
                List.of("validate", "--help"),
                List.of("validate", "--environment", "production"),
                List.of("validate", "--schema", schema, good, "--verbose"),
                List.of("validate", "--schema", schema, "--bogus", good),
                List.of("validate", "--schema", schema, "--stacktrace", good),
                List.of("validate", "--schema", schema, "--", good),
                List.of("validate", "--schema", schema, "@" + good),
                List.of("validate", "--schema", schema, "-", good),
                List.of("validate", "--schema", schema, "", good),
                List.of("validate", "--schema", schema, good, "--format"),
                List.of("validate", "--schema", schema, "--format", "json", "--format", "text", good),
                List.of("validate", "--schema", schema, "--schema", schema, good),
                List.of("validate", "--schema", "--format", good),
                List.of("--schema", schema, "validate", good),
                List.of("--format", "validate", "validate", "--schema", schema, good),
                List.of("get", "--scope", "global", "--name", "production", "--path", "a"),
                List.of("validate", "--schema", schema, "--scope", "global", good),
                List.of("validate", "--schema", schema, "--fix", good),
                List.of("validate", "--schema", schema, "--schem", good),
                List.of("validate", "--schema", schema, "-h", good),
                List.of("validate", "--schema", "a\0b", good),
                List.of("validate", "--schema", schema, "--validate-formats", "maybe", good),
                List.of("validate", "--schema", schema, "--validate-formats=FALSE", good),
                List.of("validate", "--schema", schema, "--validate-formats", "true", "--validate-formats", "false", good),
                List.of("--ref", schema, "validate", "--schema", schema, good));
        for (List<String> args : cases) {
            assertThat(SchemaFastPath.parse(args.toArray(String[]::new))).as("%s", args).isEmpty();
        }
    }

    @Test
    void theJarsEntryPointValidatesWithoutLoadingPicocliOrAnObjectMapper() throws Exception {
        Run ok = entryPoint("ok", "validate", "--schema", schema, good);
        Run failing = entryPoint("failing", "validate", "--schema", tmp.resolve("absent.json").toString(), good);

        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("no findings").contains("io.configcicd.cli.SchemaFastPath ")
                .doesNotContain("picocli.").doesNotContain("tools.jackson.databind.ObjectMapper ");
        assertThat(failing.exitCode()).isEqualTo(2);
        assertThat(failing.err()).startsWith("error: schema file ").contains("absent.json does not exist");
        assertThat(failing.out()).doesNotContain("picocli.");
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs a command line through both paths, checks that they agree, and returns the fast path's run. */
    private static CliRun same(String... args) {
        CliRun picocli = CliRun.run(args);
        CliRun fast = fast(args);
        assertThat(fast).as("%s", List.of(args)).isEqualTo(picocli);
        return fast;
    }

    private static CliRun fast(String... args) {
        assertThat(SchemaFastPath.parse(args)).as("the fast path takes %s", List.of(args)).isPresent();
        return CliRun.fast(System.getenv(), args);
    }

    /** {@code java -cp <test class path> io.configcicd.cli.Main ARGS}, with the classes it loads listed on stdout. */
    private Run entryPoint(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }
}
