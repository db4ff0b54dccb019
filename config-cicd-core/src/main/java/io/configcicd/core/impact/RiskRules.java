package io.configcicd.core.impact;

import io.configcicd.core.model.RiskLevel;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.repo.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The risk rules, modifiers and test rules of a configuration directory: the {@code risk:} section of
 * {@code config-cicd.yaml} on top of built-in defaults. For a change's base level the settings' rules are tried
 * first, then the defaults; the first rule whose glob matches wins; a path no rule matches is
 * {@code default_level} (MEDIUM unless set). Every matching test rule contributes its tests, settings' and
 * defaults alike.
 *
 * <pre>
 * risk:
 *   default_level: medium
 *   rules:
 *     - {path: "services.*.port", level: high, reason: "clients connect here"}
 *   modifiers: {protected_raise: true, development_lower: true, numeric_cut_raise: 0.5,
 *               removal_raise: true, type_change_raise: true}
 *   tests:
 *     - {path: "kgot.**", tests: [kgot-regression]}
 * </pre>
 *
 * <p>Built-in rules, most specific first:
 * <ul>
 *   <li>CRITICAL: {@code security.**}; encryption ({@code **.*encrypt*.**}), TLS/SSL ({@code **.tls.**},
 *       {@code **.ssl.**}), authentication ({@code **.auth.**}, {@code **.authentication.**},
 *       {@code **.oauth.**}, {@code **.authorization.**})</li>
 *   <li>HIGH: database settings ({@code database.**}, {@code **.database.**}, {@code **.db_*}), ports
 *       ({@code **.port}, {@code **.*_port}), hosts ({@code **.host}, {@code **.hosts}, {@code **.*_host}),
 *       URLs ({@code **.url}, {@code **.base_url}, {@code **.*_url}, {@code **.endpoint}); secrets are HIGH
 *       through the secret key patterns, not a glob</li>
 *   <li>MEDIUM: feature flags ({@code features.**}, {@code **.feature_flags.**}, {@code **.enabled}),
 *       timeouts ({@code **.*timeout*}), retries ({@code **.*retries*}, {@code **.*retry*}), model selection
 *       ({@code models.**}, {@code **.model}, {@code **.*_model})</li>
 *   <li>LOW: logging ({@code logging.**}, {@code **.logging.**}, {@code **.log_*}), metadata
 *       ({@code metadata.**}), tags and labels ({@code **.tags.**}, {@code **.labels.**})</li>
 * </ul>
 *
 * <p>Built-in test rules: {@code security.**} → security-regression; {@code services.**} → integration,
 * connectivity; {@code models.**} → model-evaluation; {@code kgot.**} → reasoning-regression;
 * {@code database.**} and {@code **.database.**} → database-migration, connectivity; every effective change
 * also recommends smoke.
 */
public final class RiskRules {

    /** The test every effective change recommends. */
    public static final String SMOKE = "smoke";

    private static final String RULE_EXAMPLE = "{path: \"services.*.port\", level: high, reason: \"clients connect here\"}";
    private static final String TEST_EXAMPLE = "{path: \"kgot.**\", tests: [kgot-regression]}";

    private final List<RiskRule> rules;
    private final List<TestRule> tests;
    private final RiskModifiers modifiers;
    private final RiskLevel defaultLevel;

    /**
     * @param rules        the rules, tried in order; the built-in ones are not added
     * @param tests        the test rules; the built-in ones are not added
     * @param modifiers    the modifiers
     * @param defaultLevel the level of a change that no rule matches
     */
    public RiskRules(List<RiskRule> rules, List<TestRule> tests, RiskModifiers modifiers, RiskLevel defaultLevel) {
        this.rules = List.copyOf(rules);
        this.tests = List.copyOf(tests);
        this.modifiers = modifiers;
        this.defaultLevel = defaultLevel;
    }

    /** The built-in rules, test rules and modifiers alone. */
    public static RiskRules defaults() {
        return new RiskRules(DefaultRules.RISK, DefaultRules.TESTS, RiskModifiers.defaults(), RiskLevel.MEDIUM);
    }

    /**
     * The settings' {@code risk:} section on top of the defaults.
     *
     * @throws ConfigCicdException bad input at the file:line of a malformed entry
     */
    public static RiskRules from(Settings settings) {
        ConfigNode node = settings.raw().getOrNull("risk");
        if (node == null || node.isNull()) {
            return defaults();
        }
        RiskEntry risk = RiskEntry.of(node, "risk", settings.raw().origin(), "risk: {rules: [" + RULE_EXAMPLE + "]}");
        risk.onlyFields(Set.of("rules", "tests", "modifiers", "default_level"));
        List<RiskRule> rules = new ArrayList<>();
        for (RiskEntry e : entries(risk, "rules", RULE_EXAMPLE)) {
            e.onlyFields(Set.of("path", "level", "reason"));
            var glob = e.glob("path", RULE_EXAMPLE);
            RiskLevel level = e.level("level", RULE_EXAMPLE);
            rules.add(new RiskRule(glob, level, e.optString("reason", RULE_EXAMPLE).orElse("risk rule " + glob)));
        }
        rules.addAll(DefaultRules.RISK);
        List<TestRule> tests = new ArrayList<>();
        for (RiskEntry e : entries(risk, "tests", TEST_EXAMPLE)) {
            e.onlyFields(Set.of("path", "tests"));
            tests.add(new TestRule(e.glob("path", TEST_EXAMPLE), e.nonBlankStrings("tests", TEST_EXAMPLE)));
        }
        tests.addAll(DefaultRules.TESTS);
        RiskLevel fallback = risk.has("default_level") ? risk.level("default_level", "default_level: medium")
                : RiskLevel.MEDIUM;
        return new RiskRules(rules, tests, modifiers(risk), fallback);
    }

    private static RiskModifiers modifiers(RiskEntry risk) {
        RiskModifiers d = RiskModifiers.defaults();
        if (!risk.has("modifiers")) {
            return d;
        }
        String example = "modifiers: {protected_raise: true, numeric_cut_raise: 0.5}";
        RiskEntry m = RiskEntry.of(risk.node("modifiers"), "risk.modifiers", risk.node("modifiers").origin(), example);
        m.onlyFields(Set.of("protected_raise", "development_lower", "lowered_environments", "numeric_cut_raise",
                "removal_raise", "type_change_raise"));
        return new RiskModifiers(
                m.bool("protected_raise", d.protectedRaise(), "protected_raise: true"),
                m.bool("development_lower", d.developmentLower(), "development_lower: true"),
                m.has("lowered_environments") ? m.nonBlankStrings("lowered_environments", "lowered_environments: [development]")
                        : d.loweredEnvironments(),
                m.fraction("numeric_cut_raise", d.numericCutRaise(), "numeric_cut_raise: 0.5"),
                m.bool("removal_raise", d.removalRaise(), "removal_raise: true"),
                m.bool("type_change_raise", d.typeChangeRaise(), "type_change_raise: true"));
    }

    private static List<RiskEntry> entries(RiskEntry risk, String field, String example) {
        if (!risk.has(field)) {
            return List.of();
        }
        ConfigNode n = risk.node(field);
        if (!(n instanceof ConfigList list)) {
            throw risk.wrong(field, n, "a list of mappings", field + ": [" + example + "]");
        }
        List<RiskEntry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(RiskEntry.of(list.get(i), "risk." + field + "[" + i + "]", n.origin(), example));
        }
        return out;
    }

    /** The first rule matching {@code path}; a rule of {@code default_level} when none does. */
    public RiskRule ruleFor(ConfigPath path) {
        for (RiskRule r : rules) {
            if (r.matches(path)) {
                return r;
            }
        }
        return RiskRule.of("**", defaultLevel, "no risk rule matches; default level");
    }

    /** Every test that some test rule recommends for {@code path}, plus {@link #SMOKE}, sorted. */
    public TreeSet<String> testsFor(ConfigPath path) {
        TreeSet<String> out = new TreeSet<>();
        out.add(SMOKE);
        for (TestRule t : tests) {
            if (t.matches(path)) {
                out.addAll(t.tests());
            }
        }
        return out;
    }

    public List<RiskRule> rules() {
        return rules;
    }

    public List<TestRule> tests() {
        return tests;
    }

    public RiskModifiers modifiers() {
        return modifiers;
    }

    public RiskLevel defaultLevel() {
        return defaultLevel;
    }

    /** Rules that stand when the settings say nothing. */
    private static final class DefaultRules {
        static final List<RiskRule> RISK = List.of(
                RiskRule.of("security.**", RiskLevel.CRITICAL, "security setting"),
                RiskRule.of("**.*encrypt*.**", RiskLevel.CRITICAL, "encryption setting"),
                RiskRule.of("**.tls.**", RiskLevel.CRITICAL, "TLS setting"),
                RiskRule.of("**.ssl.**", RiskLevel.CRITICAL, "TLS setting"),
                RiskRule.of("**.auth.**", RiskLevel.CRITICAL, "authentication setting"),
                RiskRule.of("**.authentication.**", RiskLevel.CRITICAL, "authentication setting"),
                RiskRule.of("**.authorization.**", RiskLevel.CRITICAL, "authorization setting"),
                RiskRule.of("**.oauth.**", RiskLevel.CRITICAL, "authentication setting"),
                RiskRule.of("database.**", RiskLevel.HIGH, "database setting"),
                RiskRule.of("**.database.**", RiskLevel.HIGH, "database setting"),
                RiskRule.of("**.db_*", RiskLevel.HIGH, "database setting"),
                RiskRule.of("**.port", RiskLevel.HIGH, "network port"),
                RiskRule.of("**.*_port", RiskLevel.HIGH, "network port"),
                RiskRule.of("**.host", RiskLevel.HIGH, "host name"),
                RiskRule.of("**.hosts", RiskLevel.HIGH, "host name"),
                RiskRule.of("**.*_host", RiskLevel.HIGH, "host name"),
                RiskRule.of("**.url", RiskLevel.HIGH, "service URL"),
                RiskRule.of("**.base_url", RiskLevel.HIGH, "base URL"),
                RiskRule.of("**.*_url", RiskLevel.HIGH, "service URL"),
                RiskRule.of("**.endpoint", RiskLevel.HIGH, "service endpoint"),
                RiskRule.of("features.**", RiskLevel.MEDIUM, "feature flag"),
                RiskRule.of("**.feature_flags.**", RiskLevel.MEDIUM, "feature flag"),
                RiskRule.of("**.enabled", RiskLevel.MEDIUM, "feature switch"),
                RiskRule.of("**.*timeout*", RiskLevel.MEDIUM, "timeout"),
                RiskRule.of("**.*retries*", RiskLevel.MEDIUM, "retry policy"),
                RiskRule.of("**.*retry*", RiskLevel.MEDIUM, "retry policy"),
                RiskRule.of("models.**", RiskLevel.MEDIUM, "model selection"),
                RiskRule.of("**.model", RiskLevel.MEDIUM, "model selection"),
                RiskRule.of("**.*_model", RiskLevel.MEDIUM, "model selection"),
                RiskRule.of("logging.**", RiskLevel.LOW, "logging"),
                RiskRule.of("**.logging.**", RiskLevel.LOW, "logging"),
                RiskRule.of("**.log_*", RiskLevel.LOW, "logging"),
                RiskRule.of("metadata.**", RiskLevel.LOW, "metadata"),
                RiskRule.of("**.tags.**", RiskLevel.LOW, "tags"),
                RiskRule.of("**.labels.**", RiskLevel.LOW, "labels"));

        static final List<TestRule> TESTS = List.of(
                TestRule.of("security.**", "security-regression"),
                TestRule.of("services.**", "integration", "connectivity"),
                TestRule.of("models.**", "model-evaluation"),
                TestRule.of("kgot.**", "reasoning-regression"),
                TestRule.of("database.**", "database-migration", "connectivity"),
                TestRule.of("**.database.**", "database-migration", "connectivity"));

        private DefaultRules() {
        }
    }
}
