package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.model.Severity;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.Fix;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code security.plaintext-secret} (critical, every environment): a value under a secret key
 * ({@link SecretMasker#isSecret}) must be a {@code ${VAR}} reference (or only references, such as
 * {@code ${vault:secret/db#password}}), an {@code ENC[...]} value, empty or null. Anything else, a non-empty
 * number or boolean included, is a plaintext secret, reported at the file:line:column of the value. A plaintext
 * value that this environment overrides is still in git, so the values a secret replaced are checked too, each
 * at its own origin. The fix replaces the value, in the file that holds it ({@link Fix.Document#ORIGIN}), by
 * {@code ${NAME}} with a name derived from the path, distinct for every path of the directory
 * ({@link SecretVariables}: {@code ORDERS_DB_PASSWORD} and {@code BILLING_DB_PASSWORD}, never one
 * {@code DB_PASSWORD} for both).
 *
 * <p>A reference with a literal default ({@code ${DB_PASSWORD:-dev-password}}) is fine for a laptop but
 * not where it matters: in a protected environment it is reported (the default is used whenever the variable is
 * unset), with a fix that writes the reference without its default in the environment's override document.
 *
 * <p>Messages and fix descriptions name the path and the variable, never the value.
 */
public final class PlaintextSecretRule implements ValidationRule {

    private final SecretMasker masker;
    private final EnvironmentVariableName names;
    private volatile Variables last;

    /** @param secretKeys the secret key patterns, {@code Settings.secretKeys()} */
    public PlaintextSecretRule(List<String> secretKeys) {
        this.masker = new SecretMasker(secretKeys);
        this.names = new EnvironmentVariableName(secretKeys);
    }

    @Override
    public String id() {
        return SecurityPolicy.PLAINTEXT_SECRET;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.CRITICAL;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        SecretVariables variables = variables(context.allEnvironments());
        List<Violation> out = new ArrayList<>();
        ConfigNodes.walk(context.effective(), ConfigPath.root(), (path, node) -> {
            if (node instanceof ConfigScalar s && masker.isSecret(path)) {
                SecretValue kind = SecretValue.of(s);
                if (kind == SecretValue.PLAINTEXT) {
                    out.add(plaintext(path, s, variables.of(path), ""));
                } else if (kind == SecretValue.PLAINTEXT_DEFAULT && context.isProtected()) {
                    out.add(literalDefault(path, s, context.environment(), variables));
                }
            }
            for (ConfigNode replaced : node.overridden()) {
                checkReplaced(path, node, replaced, out, variables);
            }
        });
        return out;
    }

    /**
     * The variables of the whole directory, computed once per validation: the contexts of one validation share
     * their effective configurations, so the last answer is reused while they are the same objects.
     */
    private SecretVariables variables(Map<String, ConfigMap> environments) {
        Variables last = this.last;
        if (last != null && last.environments().keySet().equals(environments.keySet())
                && environments.entrySet().stream().allMatch(e -> last.environments().get(e.getKey()) == e.getValue())) {
            return last.variables();
        }
        SecretVariables computed = SecretVariables.of(environments, masker, names);
        this.last = new Variables(Map.copyOf(environments), computed);
        return computed;
    }

    private record Variables(Map<String, ConfigMap> environments, SecretVariables variables) {
    }

    /**
     * Reports the plaintext secrets of a value that {@code node} replaced. When the replacing value is one
     * reference, the fix uses its variable: the secret already lives there.
     */
    private void checkReplaced(ConfigPath path, ConfigNode node, ConfigNode replaced, List<Violation> out,
                               SecretVariables variables) {
        Optional<String> overrideVariable = node instanceof ConfigScalar s && s.type() == ScalarType.STRING
                ? SecretValue.singleVariable((String) s.value()) : Optional.empty();
        String note = " (overridden at " + node.origin() + ", but still written here)";
        ConfigNodes.walk(replaced, path, (p, n) -> {
            if (n instanceof ConfigScalar s && masker.isSecret(p) && SecretValue.of(s) == SecretValue.PLAINTEXT) {
                String variable = p.equals(path) ? overrideVariable.orElseGet(() -> variables.of(p)) : variables.of(p);
                out.add(plaintext(p, s, variable, note));
            }
        });
    }

    private Violation plaintext(ConfigPath path, ConfigScalar scalar, String variable, String note) {
        String reference = "${" + variable + "}";
        Fix fix = new Fix(path, ConfigScalar.string(reference, Origin.UNKNOWN), "replace the plaintext secret with "
                + reference + " and set " + variable + " where config-cicd runs (CI secret, vault)", Fix.Document.ORIGIN);
        return new Violation(path, scalar.origin(), "plaintext secret at " + path + note
                + ": secrets must be a ${VAR} reference or an ENC[...] value", Optional.of(fix));
    }

    private Violation literalDefault(ConfigPath path, ConfigScalar scalar, String env, SecretVariables variables) {
        String variable = SecretValue.singleVariable((String) scalar.value()).orElseGet(() -> variables.of(path));
        String reference = "${" + variable + "}";
        Fix fix = new Fix(path, ConfigScalar.string(reference, Origin.UNKNOWN), "write " + reference
                + " (no default) at " + path + " in environments/" + env + " and set " + variable
                + " where config-cicd runs (CI secret, vault)", Fix.Document.ENVIRONMENT);
        return new Violation(path, scalar.origin(), "plaintext secret in the default of the reference at " + path
                + ": protected environment " + env + " would use it whenever the variable is unset; write the"
                + " reference without a default", Optional.of(fix));
    }

    @Override
    public String toString() {
        return id();
    }
}
