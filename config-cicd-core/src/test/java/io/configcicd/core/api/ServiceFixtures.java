package io.configcicd.core.api;

import io.configcicd.core.event.EventSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A configuration directory with an access policy for the service tests, and its audit log read back as JSON lines.
 * Principals: {@code dave} reads, writes and reveals development only; {@code carol} reads, writes and reveals every
 * environment; {@code rita} only reads; {@code nobody} has no role.
 */
final class ServiceFixtures {

    static final String POLICY = """
            access:
              roles:
                developer: {permissions: [read, write, reveal], environments: [development]}
                operator: {permissions: [read, write, reveal], environments: ["*"]}
                reader: {permissions: [read], environments: ["*"]}
              bindings:
                dave: [developer]
                carol: [operator]
                rita: [reader]
            """;

    private ServiceFixtures() {
    }

    /** global/base.yaml and the two environments' documents with the given texts, under {@link #POLICY}. */
    static void directory(Path dir, String development, String production) {
        try {
            Files.createDirectories(dir.resolve("global"));
            Files.createDirectories(dir.resolve("environments"));
            Files.writeString(dir.resolve("global/base.yaml"), "service: {port: 8080}\n");
            Files.writeString(dir.resolve("environments/development.yaml"), development);
            Files.writeString(dir.resolve("environments/production.yaml"), production);
            Files.writeString(dir.resolve("config-cicd.yaml"), POLICY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workspace of {@code dir} for {@code user}, with {@code env} added and events going to {@code events}. */
    static Workspace open(Path dir, String user, Map<String, String> env, EventSink events) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("CONFIG_CICD_USER", user);
        return Workspace.open(dir, all, Clock.systemUTC(), events);
    }

    /** The lines of the directory's audit log, parsed; none when it was never written. */
    static List<JsonNode> auditLines(Path dir) {
        Path log = dir.resolve(".config-cicd/audit/audit.jsonl");
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            return Files.readAllLines(log).stream().filter(l -> !l.isBlank())
                    .map(l -> JsonMapper.shared().readTree(l)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log as its raw text, for checks that a value never reached it. */
    static String auditText(Path dir) {
        try {
            Path log = dir.resolve(".config-cicd/audit/audit.jsonl");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode line, String field) {
        return line.path(field).asString();
    }
}
