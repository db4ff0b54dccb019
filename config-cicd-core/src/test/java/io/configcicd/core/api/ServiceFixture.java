package io.configcicd.core.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A configuration directory outside git with two environments, a secret, and an access policy: alice may read and
 * write staging only, bob may do everything (read, write, rollback) everywhere; anyone else may do nothing.
 */
final class ServiceFixture {

    static final String SECRET = "s3cr3t-Qw9zL";

    private ServiceFixture() {
    }

    static Path directory(Path tmp) {
        Path dir = tmp.resolve("configuration");
        write(dir.resolve("global/base.yaml"), "service:\n  port: 8080\ndatabase:\n  password: \"${DB_PASSWORD}\"\n");
        write(dir.resolve("environments/staging.yaml"), "service:\n  port: 8081\n");
        write(dir.resolve("environments/production.yaml"), "service:\n  port: 443\n");
        write(dir.resolve("config-cicd.yaml"), """
                access:
                  roles:
                    developer: {permissions: [read, write], environments: [staging]}
                    operator: {permissions: [read, write, rollback], environments: ["*"]}
                  bindings:
                    alice: [developer]
                    bob: [operator]
                """);
        return dir;
    }

    static Workspace as(String user, Path dir) {
        return Workspace.open(dir, Map.of("CONFIG_CICD_USER", user, "DB_PASSWORD", SECRET));
    }

    /** Each audit line as {@code principal command result}. */
    static List<String> auditLines(Path dir) {
        return audit(dir).stream().map(l -> l.path("principal").asString() + " " + l.path("command").asString() + " "
                + l.path("result").asString()).toList();
    }

    static List<JsonNode> audit(Path dir) {
        Path log = dir.resolve(".config-cicd/audit/audit.jsonl");
        try {
            return Files.exists(log) ? Files.readAllLines(log).stream().map(l -> JsonMapper.shared().readTree(l)).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
