package io.configcicd.core.validate.rules;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.EnvironmentFilter;
import io.configcicd.core.validate.ValidationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the rules declared under {@code rules:} in {@code config-cicd.yaml}: a list of entries, each with
 * {@code id}, {@code type}, optional {@code severity} (default error), {@code environments} (names or globs,
 * default all) and {@code message} ({@code {path}} and {@code {value}} are replaced), plus the fields of its
 * type; see {@link RuleFactory} and docs/rules.md. A malformed entry is a bad-input error naming its file:line
 * and what to write.
 */
public final class DeclaredRules {

    private DeclaredRules() {
    }

    /**
     * The rules of a settings document (the parsed {@code config-cicd.yaml}, as {@link Settings#raw()} keeps
     * it); none when it has no {@code rules:}. Protected environments and secret keys come from the same
     * document (production is protected unless the settings say otherwise).
     */
    public static List<ValidationRule> from(ConfigMap settings) {
        Settings parsed = Settings.from(settings);
        Predicate<String> isProtected = name -> parsed.environment(name)
                .map(Settings.EnvironmentSpec::isProtected).orElse(name.equals("production"));
        return parse(settings.getOrNull("rules"), isProtected, new SecretMasker(parsed.secretKeys()));
    }

    /**
     * The rules of a {@code rules:} node (a list, or null/absent for none).
     *
     * @throws ConfigCicdException bad input at the file:line of the first malformed entry
     */
    public static List<ValidationRule> parse(ConfigNode rules, Predicate<String> isProtected, SecretMasker masker) {
        if (rules == null || rules.isNull()) {
            return List.of();
        }
        if (!(rules instanceof ConfigList list)) {
            throw ConfigCicdException.badInput(rules.origin(), Settings.FILE_NAME + ": rules must be a list, found "
                    + rules.typeName(), "write rules: followed by entries such as - {id: port-range, type: range, "
                    + "path: services.*.port, min: 1024, max: 65535}");
        }
        List<ValidationRule> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode item = list.get(i);
            String label = Settings.FILE_NAME + " rules[" + i + "]";
            if (!(item instanceof ConfigMap map)) {
                throw ConfigCicdException.badInput(item.origin(), label + ": a rule must be a mapping, found "
                        + item.typeName(), "write - {id: my-rule, type: required, paths: [metadata.name]}");
            }
            RuleEntry entry = new RuleEntry(map, label);
            RuleSpec spec = spec(entry, masker);
            String previous = seen.putIfAbsent(spec.id(), entry.origin().toString());
            if (previous != null) {
                throw entry.error(entry.node("id").origin(), "rule id '" + spec.id() + "' is already used at "
                        + previous, "give every rule its own id");
            }
            out.add(RuleFactory.create(new RuleEntry(map, label + " (id '" + spec.id() + "')"), spec, isProtected));
        }
        return List.copyOf(out);
    }

    private static RuleSpec spec(RuleEntry entry, SecretMasker masker) {
        String id = entry.string("id", "id: port-range");
        Severity severity = Severity.ERROR;
        Optional<String> severityText = entry.optString("severity", "severity: error");
        if (severityText.isPresent()) {
            try {
                severity = Severity.parse(severityText.get().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw entry.error(entry.node("severity").origin(), "unknown severity '" + severityText.get() + "'",
                        "write severity: info, warning, error or critical");
            }
        }
        EnvironmentFilter environments = EnvironmentFilter.of(
                entry.strings("environments", "environments: [staging, production] or environments: [\"prod-*\"]"));
        Optional<String> message = entry.optString("message", "message: \"{path} is {value}, ...\"");
        return new RuleSpec(id, severity, environments, message, masker, entry.origin());
    }
}
