package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML 1.1 booleans that YAML 1.2 reads as strings: {@code yes}, {@code no}, {@code on}, {@code off}, {@code y},
 * {@code n}, in any case, written without quotes in a YAML file ({@link ConfigScalar#unquoted()}). config-cicd reads
 * YAML 1.2, where {@code debug: yes} is the string "yes"; applications that read the same file with a YAML 1.1
 * reader (PyYAML, Go yaml.v2, SnakeYAML 1.x in older Spring Boot) get the boolean true. A quoted {@code "yes"}, and
 * any string of JSON or TOML, is a string for every reader.
 */
record Yaml11Boolean(String written, boolean value) {

    private static final Set<String> TRUE = Set.of("yes", "on", "y");
    private static final Set<String> FALSE = Set.of("no", "off", "n");

    /** What a YAML 1.1 reader makes of the node; empty for anything that is no unquoted YAML 1.1 boolean. */
    static Optional<Yaml11Boolean> of(ConfigNode node) {
        if (!(node instanceof ConfigScalar s) || !s.unquoted()) {
            return Optional.empty();
        }
        String text = (String) s.value();
        String lower = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower) || FALSE.contains(lower)) {
            return Optional.of(new Yaml11Boolean(text, TRUE.contains(lower)));
        }
        return Optional.empty();
    }

    /**
     * Who reads it as a boolean: the spellings of the YAML 1.1 type repository that every YAML 1.1 reader knows
     * ({@code yes}, {@code Yes}, {@code YES}, ...), {@code y}/{@code n} (Go yaml.v2 and other readers of the
     * full list), or other capitalisations (readers that ignore case, such as Spring's text-to-boolean conversion).
     */
    String readers() {
        String lower = written.toLowerCase(Locale.ROOT);
        boolean usualCase = written.equals(lower) || written.equals(written.toUpperCase(Locale.ROOT))
                || written.equals(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        if (!usualCase) {
            return "readers that ignore case (Spring's conversion of text to a boolean)";
        }
        if (lower.length() == 1) {
            return "YAML 1.1 readers that know its full list of booleans (Go yaml.v2)";
        }
        return "YAML 1.1 readers (PyYAML, Go yaml.v2, SnakeYAML 1.x in older Spring Boot)";
    }

    /** {@code yes is true to YAML 1.1 readers (...)}, for messages. */
    String explained() {
        return written + " is " + value + " to " + readers();
    }
}
