package io.configcicd.core.impact;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.ConfigDiff;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.repo.git.GitSnapshot;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.version.EffectiveAtRevision;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assesses the impact of the change from a base revision to a head revision on an environment. Both
 * effective configurations are read from git (no checkout) and diffed key by key, so only effective changes
 * count: a global value the environment overrides, or a file reformatted or reordered, is no change. Each change
 * is rated by {@link RiskRules} (the head's {@code risk:} settings over the built-in rules); validation findings
 * at head that were not at base (same rule, same path) raise the changes at their paths and the overall level,
 * findings already at base are listed apart and raise nothing.
 *
 * <pre>
 * Assessment a = new Assessor().assess(Path.of("configuration"), "production", "HEAD~1", "HEAD", LocalDate.now());
 * </pre>
 */
public final class Assessor {

    /** The reason given when nothing changed. */
    public static final String NO_EFFECTIVE_CHANGES = "no effective changes";

    /**
     * The assessment of one environment.
     *
     * @throws ConfigCicdException bad input for an unknown revision, an environment missing at head, a file that
     *                             does not load, or a malformed {@code risk:} section
     */
    public Assessment assess(Path configDir, String environment, String baseRev, String headRev, LocalDate today) {
        try (EffectiveAtRevision at = EffectiveAtRevision.open(configDir)) {
            return assess(at, configDir, environment, baseRev, headRev, today);
        }
    }

    /** The assessment of every environment that exists at head, in name order. */
    public List<Assessment> assessAll(Path configDir, String baseRev, String headRev, LocalDate today) {
        try (EffectiveAtRevision at = EffectiveAtRevision.open(configDir)) {
            List<Assessment> out = new ArrayList<>();
            for (String env : at.environments(headRev)) {
                out.add(assess(at, configDir, env, baseRev, headRev, today));
            }
            return List.copyOf(out);
        }
    }

    private Assessment assess(EffectiveAtRevision at, Path configDir, String env, String baseRev, String headRev,
                              LocalDate today) {
        Settings settings = at.settings(headRev);
        RiskRules rules = RiskRules.from(settings);
        SecretMasker masker = new SecretMasker(settings.secretKeys());
        ConfigMap head = at.effective(headRev, env);
        boolean atBase = at.environments(baseRev).contains(env);
        ConfigMap base = atBase ? at.effective(baseRev, env) : ConfigMap.empty();
        List<Change> diff = new ConfigDiff(masker).diff(base, head);

        List<Finding> headFindings = findings(configDir, headRev, env, today);
        Set<String> baseKeys = new HashSet<>();
        if (atBase) {
            findings(configDir, baseRev, env, today).forEach(f -> baseKeys.add(key(f)));
        }
        List<Finding> introduced = new ArrayList<>();
        List<Finding> preExisting = new ArrayList<>();
        for (Finding f : headFindings) {
            (baseKeys.contains(key(f)) ? preExisting : introduced).add(f);
        }

        ChangeRater rater = new ChangeRater(rules, env, settings.isProtected(env));
        List<AssessedChange> changes = new ArrayList<>();
        TreeSet<String> tests = new TreeSet<>();
        for (Change c : diff) {
            changes.add(rater.rate(c, introduced));
            tests.addAll(rules.testsFor(c.path()));
        }
        List<String> reasons = new ArrayList<>();
        RiskLevel level = overall(changes, introduced, reasons);
        return new Assessment(env, at.commitId(baseRev), at.commitId(headRev), level, reasons, changes, introduced,
                preExisting, List.copyOf(tests));
    }

    private static RiskLevel overall(List<AssessedChange> changes, List<Finding> introduced, List<String> reasons) {
        RiskLevel level = RiskLevel.LOW;
        if (changes.isEmpty()) {
            reasons.add(NO_EFFECTIVE_CHANGES);
        } else {
            AssessedChange top = changes.get(0);
            for (AssessedChange c : changes) {
                if (c.risk().compareTo(top.risk()) > 0) {
                    top = c;
                }
            }
            level = top.risk();
            reasons.add(changes.size() + " effective change(s); highest " + level.word() + " at " + top.path());
        }
        for (Finding f : introduced) {
            RiskLevel floor = ChangeRater.floor(f.severity());
            if (floor != RiskLevel.LOW) {
                level = RiskLevel.max(level, floor);
                reasons.add("introduces " + f.severity().word() + " finding [" + f.ruleId() + "] at " + f.path()
                        + ": at least " + floor.word());
            }
        }
        return level;
    }

    private static List<Finding> findings(Path configDir, String revision, String env, LocalDate today) {
        try (GitSnapshot snap = GitSnapshot.of(configDir, revision);
             ConfigurationManager manager = ConfigurationManager.open(snap.dir())) {
            return manager.validator().validate(List.of(env), today).findings();
        }
    }

    /** Findings are the same across revisions when rule and path agree (messages may quote changed values). */
    private static String key(Finding f) {
        return f.ruleId() + "\u0000" + f.path();
    }
}
