package io.configcicd.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a {@code GITHUB_OUTPUT} file as the runner does: {@code name=value} lines and {@code name<<DELIM} blocks. */
final class GithubOutput {

    private GithubOutput() {
    }

    static Map<String, String> parse(String file) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = file.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String name = line.substring(0, heredoc);
                String delimiter = line.substring(heredoc + 2);
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).equals(delimiter)) {
                    j++;
                }
                if (j == lines.size()) {
                    throw new IllegalArgumentException("output " + name + ": delimiter " + delimiter + " never ends");
                }
                out.put(name, String.join("\n", lines.subList(i + 1, j)));
                i = j;
            } else if (equals > 0) {
                out.put(line.substring(0, equals), line.substring(equals + 1));
            } else if (!line.isEmpty()) {
                throw new IllegalArgumentException("not an output line: " + line);
            }
        }
        return out;
    }
}
