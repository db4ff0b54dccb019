package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code yaml.ambiguous-boolean} (warning, every environment): an unquoted YAML {@code yes}, {@code no}, {@code on},
 * {@code off}, {@code y} or {@code n} (any case) anywhere in the configuration. config-cicd reads YAML 1.2, where it
 * is a string; applications that read the file with a YAML 1.1 reader get a boolean ({@link Yaml11Boolean}), so the
 * two disagree about the value. Each one is reported at its file:line:column with the value, what YAML 1.1 readers
 * make of it, and the two ways out: {@code true}/{@code false} when a boolean is meant, quotes when a string is
 * meant. No fix is applied by {@code --fix}: only the author knows which was meant ({@code country: NO}). Values
 * this environment overrides are still in their files and are reported there too; values under secret keys are
 * left to {@code security.plaintext-secret}, so that no message shows a secret.
 */
public final class AmbiguousBooleanRule implements ValidationRule {

    private final SecretMasker masker;

    /** @param secretKeys the secret key patterns, {@code Settings.secretKeys()} */
    public AmbiguousBooleanRule(List<String> secretKeys) {
        this.masker = new SecretMasker(secretKeys);
    }

    @Override
    public String id() {
        return SecurityPolicy.AMBIGUOUS_BOOLEAN;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> out = new ArrayList<>();
        Set<Origin> reported = new HashSet<>();
        ConfigNodes.walk(context.effective(), ConfigPath.root(), (path, node) -> {
            report(path, node, "", reported, out);
            String note = " (overridden at " + node.origin() + ", but still written here)";
            for (ConfigNode replaced : node.overridden()) {
                ConfigNodes.walk(replaced, path, (p, n) -> report(p, n, note, reported, out));
            }
        });
        return out;
    }

    private void report(ConfigPath path, ConfigNode node, String note, Set<Origin> reported, List<Violation> out) {
        if (masker.isSecret(path)) {
            return;
        }
        Yaml11Boolean.of(node).filter(b -> reported.add(node.origin()))
                .ifPresent(b -> out.add(Violation.of(path, node.origin(), message(path, note, b))));
    }

    private static String message(ConfigPath path, String note, Yaml11Boolean b) {
        String quoted = "\"" + b.written() + "\"";
        return "ambiguous boolean at " + path + note + ": " + b.written() + " is the string " + quoted
                + " to YAML 1.2 readers such as config-cicd, but " + b.value() + " to " + b.readers() + "; write "
                + b.value() + " if a boolean is meant, or quote it (" + quoted + ") if a string is meant";
    }

    @Override
    public String toString() {
        return id();
    }
}
