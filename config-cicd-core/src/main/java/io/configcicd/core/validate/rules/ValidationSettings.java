package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.EnvironmentFilter;
import io.configcicd.core.validate.Waiver;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code validation:} and {@code waivers:} sections of {@code config-cicd.yaml} (docs/rules.md):
 *
 * <pre>
 * validation:
 *   strict: true                 # report keys that no schema declares
 *   fail_on: error               # the lowest severity that fails a run (info, warning, error, critical)
 *   severities:                  # a rule's findings at another severity, by rule id
 *     security.https: warning
 *   disabled: [security.debug]   # rules that do not run
 *   formats: assert              # JSON Schema "format" checked (assert, the default) or only an annotation (annotate)
 * waivers:
 *   - rule: security.https
 *     path: services.legacy.url  # a path glob
 *     environments: [production] # optional, default every environment
 *     reason: legacy endpoint until the migration (JIRA-123)
 *     expires: 2026-12-31        # optional; the waiver stops working the day after
 * </pre>
 */
public record ValidationSettings(boolean strict, Optional<Severity> failOn, Map<String, Severity> severities,
                                 Set<String> disabled, List<Waiver> waivers, boolean assertFormats) {

    private static final String WAIVER_EXAMPLE = "- {rule: security.https, path: services.legacy.url, "
            + "reason: \"migration in JIRA-123\", expires: 2026-12-31}";

    public ValidationSettings {
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
        waivers = List.copyOf(waivers);
    }

    /** Reads both sections of a settings document; a malformed entry is bad input at its file:line. */
    public static ValidationSettings from(ConfigMap settings) {
        ConfigNode section = settings.getOrNull("validation");
        boolean strict = false;
        Optional<Severity> failOn = Optional.empty();
        Map<String, Severity> severities = new LinkedHashMap<>();
        Set<String> disabled = new LinkedHashSet<>();
        boolean assertFormats = true;
        if (section instanceof ConfigMap map) {
            RuleEntry entry = new RuleEntry(map, Settings.FILE_NAME + ": validation");
            entry.onlyFields(Set.of("strict", "fail_on", "severities", "disabled", "formats"), "validation");
            strict = bool(map.getOrNull("strict"), entry);
            failOn = entry.optString("fail_on", "fail_on: error").map(s -> severity(s, map.getOrNull("fail_on"), entry));
            if (map.getOrNull("severities") instanceof ConfigMap sev) {
                sev.entries().forEach((id, n) -> severities.put(id, severity(text(n, entry), n, entry)));
            } else if (entry.has("severities")) {
                throw entry.wrong("severities", map.getOrNull("severities"), "a mapping of rule id to severity",
                        "severities: {security.https: warning}");
            }
            disabled.addAll(entry.strings("disabled", "disabled: [security.debug]"));
            assertFormats = formats(map.getOrNull("formats"), entry);
        } else if (section != null && !section.isNull()) {
            throw ConfigCicdException.badInput(section.origin(), Settings.FILE_NAME + ": validation must be a mapping",
                    "write validation: {strict: true, fail_on: error}");
        }
        return new ValidationSettings(strict, failOn, severities, disabled, waivers(settings.getOrNull("waivers")),
                assertFormats);
    }

    private static List<Waiver> waivers(ConfigNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!(node instanceof ConfigList list)) {
            throw ConfigCicdException.badInput(node.origin(), Settings.FILE_NAME + ": waivers must be a list",
                    "write waivers: followed by entries such as " + WAIVER_EXAMPLE);
        }
        List<Waiver> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode item = list.items().get(i);
            if (!(item instanceof ConfigMap map)) {
                throw ConfigCicdException.badInput(item.origin(), Settings.FILE_NAME + ": waivers[" + i + "] must be a mapping",
                        "write " + WAIVER_EXAMPLE);
            }
            out.add(waiver(new RuleEntry(map, Settings.FILE_NAME + ": waivers[" + i + "]"), map));
        }
        return out;
    }

    private static Waiver waiver(RuleEntry entry, ConfigMap map) {
        entry.onlyFields(Set.of("rule", "path", "environments", "reason", "expires"), "waiver");
        String rule = entry.string("rule", WAIVER_EXAMPLE);
        String pathText = entry.string("path", WAIVER_EXAMPLE);
        PathGlob path;
        try {
            path = PathGlob.parse(pathText);
        } catch (IllegalArgumentException e) {
            throw entry.wrong("path", map.getOrNull("path"), "a path glob such as services.*.url", WAIVER_EXAMPLE);
        }
        String reason = entry.string("reason", WAIVER_EXAMPLE);
        EnvironmentFilter envs = EnvironmentFilter.of(entry.strings("environments", "environments: [production]"));
        return new Waiver(rule, path, envs, reason, expires(map.getOrNull("expires"), entry), entry.origin());
    }

    private static Optional<LocalDate> expires(ConfigNode n, RuleEntry entry) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n instanceof ConfigScalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.LOCAL_DATE)) {
            try {
                return Optional.of(LocalDate.parse(s.asText()));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw entry.wrong("expires", n, "a date YYYY-MM-DD", "expires: 2026-12-31");
    }

    private static boolean bool(ConfigNode n, RuleEntry entry) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN) {
            return (Boolean) s.value();
        }
        throw entry.wrong("strict", n, "true or false", "strict: true");
    }

    /** {@code formats: assert} (the default) or {@code annotate}. */
    private static boolean formats(ConfigNode n, RuleEntry entry) {
        if (n == null || n.isNull()) {
            return true;
        }
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING && ("assert".equals(s.value()) || "annotate".equals(s.value()))) {
            return "assert".equals(s.value());
        }
        throw entry.wrong("formats", n, "assert or annotate", "formats: annotate");
    }

    private static String text(ConfigNode n, RuleEntry entry) {
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return (String) s.value();
        }
        throw entry.wrong("severities", n, "a severity", "severities: {security.https: warning}");
    }

    private static Severity severity(String text, ConfigNode at, RuleEntry entry) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw entry.error(at == null ? Origin.UNKNOWN : at.origin(), e.getMessage(), "use info, warning, error or critical");
        }
    }
}
