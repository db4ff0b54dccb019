package io.configcicd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a configuration directory of {@code files} documents for the load benchmark: four in five YAML,
 * one in five JSON, each with nested mappings, lists, numbers, booleans and strings, some keys shared
 * between files so that the merge has work to do.
 */
final class GeneratedDirectory {

    private GeneratedDirectory() {
    }

    static Path create(int files) throws IOException {
        Path dir = Files.createTempDirectory("config-cicd-bench");
        Path global = Files.createDirectories(dir.resolve("global"));
        Path envs = Files.createDirectories(dir.resolve("environments"));
        Random random = new Random(42);
        for (int i = 0; i < files - 1; i++) {
            String name = String.format("doc-%04d", i);
            if (i % 5 == 4) {
                Files.writeString(global.resolve(name + ".json"), json(i, random));
            } else {
                Files.writeString(global.resolve(name + ".yaml"), yaml(i, random));
            }
        }
        Files.writeString(envs.resolve("production.yaml"), yaml(files, random));
        return dir;
    }

    private static String yaml(int i, Random r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# generated document ").append(i).append('\n');
        sb.append("service_").append(i).append(":\n");
        sb.append("  name: \"service-").append(i).append("\"\n");
        sb.append("  port: ").append(8000 + i).append('\n');
        sb.append("  enabled: ").append(r.nextBoolean()).append('\n');
        sb.append("  ratio: ").append(r.nextInt(1000) / 100.0).append('\n');
        sb.append("  limits:\n    memory: 512Mi\n    cpu: \"0.5\"\n    timeout: ").append(r.nextInt(300)).append('\n');
        sb.append("  tags: [alpha, beta, gamma]\n");
        sb.append("  endpoints:\n");
        for (int k = 0; k < 5; k++) {
            sb.append("    - host: host-").append(k).append(".internal\n      weight: ").append(r.nextInt(100)).append('\n');
        }
        sb.append("shared:\n  level_").append(i % 10).append(":\n    value: ").append(i).append('\n');
        sb.append("    description: 'shared value written by document ").append(i).append("'\n");
        return sb.toString();
    }

    private static String json(int i, Random r) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"service_").append(i).append("\": {\n");
        sb.append("    \"name\": \"service-").append(i).append("\",\n");
        sb.append("    \"port\": ").append(8000 + i).append(",\n");
        sb.append("    \"enabled\": ").append(r.nextBoolean()).append(",\n");
        sb.append("    \"ratio\": ").append(r.nextInt(1000) / 100.0).append(",\n");
        sb.append("    \"limits\": {\"memory\": \"512Mi\", \"cpu\": \"0.5\", \"timeout\": ").append(r.nextInt(300)).append("},\n");
        sb.append("    \"tags\": [\"alpha\", \"beta\", \"gamma\"],\n    \"endpoints\": [\n");
        for (int k = 0; k < 5; k++) {
            sb.append("      {\"host\": \"host-").append(k).append(".internal\", \"weight\": ").append(r.nextInt(100)).append('}')
                    .append(k < 4 ? ",\n" : "\n");
        }
        sb.append("    ]\n  },\n  \"shared\": {\"level_").append(i % 10).append("\": {\"value\": ").append(i)
                .append(", \"description\": \"shared value written by document ").append(i).append("\"}}\n}\n");
        return sb.toString();
    }
}
