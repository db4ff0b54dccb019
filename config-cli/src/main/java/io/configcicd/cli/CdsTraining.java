package io.configcicd.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The training run of a class-data archive that {@code bin/config-cicd} writes beside the jar
 * ({@code java -XX:ArchiveClassesAtExit=A -cp config-cicd.jar io.configcicd.cli.CdsTraining KIND}): it runs, in a
 * temporary directory and with all output discarded, the command lines whose classes the archive should hold, so
 * that the archive does not depend on which command a user happened to run first. Kind {@code schema} (the archive
 * of {@code validate --schema}) runs {@code validate --schema} through {@link SchemaFastPath}: YAML, JSON and TOML
 * files, valid, invalid and unparseable, reported as text (the JSON report would bring Jackson's object mapper into
 * an archive that every run maps). Kind {@code all} (the archive of every other command) also reports them as JSON,
 * runs the same through picocli, {@code validate} of a small configuration directory, and {@code assess} of a
 * change to it committed in a git repository (text, json, markdown).
 */
final class CdsTraining {

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["name", "port"],
             "additionalProperties": false,
             "$defs": {"timeout": {"type": "integer", "minimum": 1, "maximum": 60000}},
             "properties": {"name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
               "port": {"type": "integer", "minimum": 1, "maximum": 65535},
               "host": {"type": "string", "format": "hostname", "pattern": "^[a-z0-9.-]+(:[0-9]{2,5})?$"},
               "owner": {"type": "string", "pattern": "^[^@\\\\s]+@[^@\\\\s]+$"},
               "level": {"enum": ["debug", "info", "warn", "error"]},
               "timeout_ms": {"$ref": "#/$defs/timeout"},
               "ratio": {"type": "number", "multipleOf": 0.01},
               "password": {"type": "string"},
               "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1},
               "features": {"type": "object", "additionalProperties": {"type": "boolean"}}}}
            """;

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("config-cicd-training");
        try {
            train(dir, args.length == 0 || !args[0].equals("schema"));
        } finally {
            delete(dir);
        }
    }

    /** Runs the command lines of one kind in {@code dir}; returns the exit codes of the assess runs (kind all). */
    static List<Integer> train(Path dir, boolean all) throws IOException {
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        List<String> files = files(dir);
        String schema = write(dir.resolve("service.schema.json"), SCHEMA);
        List<String> fast = new ArrayList<>(List.of("validate", "--schema", schema));
        fast.addAll(files);
        for (String format : all ? List.of("text", "json") : List.of("text")) {
            List<String> args = new ArrayList<>(List.of("--format", format));
            args.addAll(fast);
            SchemaFastPath.parse(args.toArray(String[]::new)).ifPresent(v -> SchemaFastPath.run(v, nowhere, nowhere));
        }
        if (!all) {
            return List.of();
        }
        ConfigCicdCli.run(nowhere, nowhere, Map.of(), fast.toArray(String[]::new));
        Path config = configuration(dir, schema);
        ConfigCicdCli.run(nowhere, nowhere, Map.of(), "--config-dir", config.toString(), "validate");
        commitTwice(dir, config);
        List<Integer> assessed = new ArrayList<>();
        for (String format : List.of("text", "json", "markdown")) {
            assessed.add(ConfigCicdCli.run(nowhere, nowhere, Map.of(), "--config-dir", config.toString(), "assess",
                    "--all-environments", "--format", format));
        }
        return assessed;
    }

    /** Makes {@code dir} a git repository with two commits that change the configuration, for assess. */
    private static void commitTwice(Path dir, Path config) throws IOException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            PersonIdent who = new PersonIdent("config-cicd", "config-cicd@localhost");
            git.add().addFilepattern("configuration").call();
            git.commit().setMessage("base").setAuthor(who).setCommitter(who).setSign(false).call();
            write(config.resolve("environments/dev.yaml"), "level: warn\nport: 8081\n");
            git.add().addFilepattern("configuration").call();
            git.commit().setMessage("change").setAuthor(who).setCommitter(who).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IOException("training repository: " + e.getMessage(), e);
        }
    }

    /** Enough files of each kind for the files to be parsed while the schema compiles. */
    private static List<String> files(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            out.add(write(dir.resolve("svc-" + i + ".yaml"), "# service " + i + "\nname: svc-" + i + "\nport: " + (8000 + i)
                    + "\nhost: svc-" + i + ".internal:8080\nowner: team-" + i + "@example.com"
                    + "\nlevel: info\ntimeout_ms: 250\nratio: 0.25\npassword: ${SVC_PASSWORD}\ntags: [a, b]\n"
                    + "features:\n  fast: true\n  safe: false\n"));
        }
        out.add(write(dir.resolve("svc.json"), "{\"name\": \"svc-json\", \"port\": 80, \"tags\": [\"x\"]}\n"));
        out.add(write(dir.resolve("svc.toml"), "name = \"svc-toml\"\nport = 81\n[features]\nfast = true\n"));
        out.add(write(dir.resolve("bad.yaml"), "name: Bad Name\nport: eighty\nlevel: loud\nextra: 1\ntags: []\n"));
        out.add(write(dir.resolve("broken.yaml"), "name: [unclosed\nport: 1\n"));
        return out;
    }

    private static Path configuration(Path dir, String schema) throws IOException {
        Path config = dir.resolve("configuration");
        Files.createDirectories(config.resolve("global"));
        Files.createDirectories(config.resolve("environments"));
        Files.createDirectories(config.resolve("schemas"));
        Files.copy(Path.of(schema), config.resolve("schemas/service.schema.json"));
        write(config.resolve("global/base.yaml"), "name: svc\nport: 8080\nlevel: info\n");
        write(config.resolve("environments/dev.yaml"), "level: debug\n");
        return config;
    }

    private static String write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file.toString();
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
