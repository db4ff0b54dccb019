package io.configcicd.core.impact;

import io.configcicd.core.model.RiskLevel;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.validate.suite.ConfigurationValidator;
import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.ConfigDiff;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.source.EffectiveAtRevision;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
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

    private final UnaryOperator<String> open;
    private final Executor executor;

    /** An assessor that compares encrypted secrets by their text: a re-encrypted secret looks rotated. */
    public Assessor() {
        this(UnaryOperator.identity());
    }

    /**
     * @param open turns an encrypted value into its plaintext, in memory only (for example
     *             {@code SecretCipher.opener(env)}), so a secret re-encrypted with the same value is unchanged
     */
    public Assessor(UnaryOperator<String> open) {
        this(open, Runnable::run);
    }

    /**
     * @param executor runs the reading and validation of the base revision while the caller's thread does the head's;
     *                 the assessor starts no thread itself ({@code Runnable::run}: one after the other, on the
     *                 caller's thread)
     */
    public Assessor(UnaryOperator<String> open, Executor executor) {
        this.open = Objects.requireNonNull(open, "open");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The reason given when nothing changed. */
    public static final String NO_EFFECTIVE_CHANGES = "no effective changes";

    /** The base of a root commit's assessment: git's id of no commit. */
    public static final String NO_COMMIT = "0".repeat(40);

    /**
     * The assessment of one environment.
     *
     * @throws ConfigCicdException bad input for an unknown revision, an environment missing at head, a file that
     *                             does not load, or a malformed {@code risk:} section
     */
    public Assessment assess(Path configDir, String environment, String baseRev, String headRev, LocalDate today) {
        return assess(configDir, List.of(environment), baseRev, headRev, today).get(0);
    }

    /** The assessment of every environment that exists at head, in name order. */
    public List<Assessment> assessAll(Path configDir, String baseRev, String headRev, LocalDate today) {
        return assess(configDir, List.of(), baseRev, headRev, today);
    }

    /**
     * The assessments of the environments given (every environment that exists at head when the list is empty),
     * in the order given. Each revision is read and validated once for all of them.
     */
    public List<Assessment> assess(Path configDir, List<String> environments, String baseRev, String headRev,
                                   LocalDate today) {
        // the base and the head are read and validated at the same time, each by its own reader
        try (EffectiveAtRevision at = EffectiveAtRevision.open(configDir);
             EffectiveAtRevision baseReader = EffectiveAtRevision.open(configDir)) {
            String head = at.commitId(headRev);
            // the default base of a root commit (no parent) is nothing: every value is added; the boundary commit of
            // a shallow clone is no root commit (its parent was not fetched), and firstParent refuses it
            Optional<String> baseCommit = baseRev.equals(headRev + "^") ? at.firstParent(head)
                    : Optional.of(at.commitId(baseRev));
            String base = baseCommit.orElse(NO_COMMIT);
            List<String> envs = environments.isEmpty() ? at.environments(head) : environments;
            for (String env : envs) {
                at.effective(head, env); // an environment missing at head is bad input, before any work
            }
            List<String> baseEnvironments = baseCommit.isPresent() ? at.environments(base) : List.of();
            List<String> envsAtBase = envs.stream().filter(baseEnvironments::contains).toList();
            CompletableFuture<Map<String, List<Finding>>> baseWork = CompletableFuture.supplyAsync(
                    () -> findings(baseReader, base, envsAtBase, today), executor);
            Map<String, List<Finding>> headFindings;
            try {
                headFindings = findings(at, head, envs, today);
            } catch (RuntimeException e) {
                baseWork.exceptionally(ignored -> null).join(); // the base reader is done before it closes
                throw e;
            }
            Map<String, List<Finding>> baseFindings = join(baseWork);
            Settings settings = at.settings(head);
            RiskRules rules = RiskRules.from(settings);
            ConsumerScan consumers = ConsumerScan.from(settings);
            ConfigDiff diff = new ConfigDiff(new SecretMasker(settings.secretKeys())).opening(open);
            List<Assessment> out = new ArrayList<>();
            OutputMasker hide = OutputMasker.urlPasswordsOnly();
            for (String env : envs) {
                ConfigMap before = envsAtBase.contains(env) ? baseReader.effective(base, env) : ConfigMap.empty();
                ConfigMap after = at.effective(head, env);
                OutputMasker secrets = diff.secretsOf(before, after);
                hide = hide.with(secrets);
                out.add(assess(env, base, head, diff.diff(before, after, secrets), settings, rules,
                        masked(headFindings.get(env), secrets), masked(baseFindings.getOrDefault(env, List.of()), secrets)));
            }
            return consumers.isEnabled() ? withConsumers(out, consumers, at, head, hide) : List.copyOf(out);
        }
    }

    private static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Findings with their messages masked: they may quote values of a revision whose secrets the work tree lacks. */
    private static List<Finding> masked(List<Finding> findings, OutputMasker secrets) {
        return findings.stream().map(f -> f.withMessage(secrets.mask(f.message()))).toList();
    }

    private Assessment assess(String env, String base, String head, List<Change> diff,
                                     Settings settings, RiskRules rules, List<Finding> headFindings,
                                     List<Finding> baseFindings) {
        Set<String> baseKeys = new HashSet<>();
        baseFindings.forEach(f -> baseKeys.add(key(f)));
        List<Finding> introduced = new ArrayList<>();
        List<Finding> preExisting = new ArrayList<>();
        for (Finding f : headFindings) {
            (baseKeys.contains(key(f)) ? preExisting : introduced).add(f);
        }
        ChangeRater rater = new ChangeRater(rules, env, settings.isProtected(env));
        List<AssessedChange> changes = new ArrayList<>(diff.size());
        TreeSet<String> tests = new TreeSet<>();
        for (Change c : diff) {
            changes.add(rater.rate(c, introduced));
            tests.addAll(rules.testsFor(c.path()));
        }
        List<String> reasons = new ArrayList<>();
        RiskLevel level = overall(changes, introduced, reasons);
        return new Assessment(env, base, head, level, reasons, changes, introduced, preExisting, List.copyOf(tests));
    }

    /** The findings of each environment at a revision, from one validation run of all of them. */
    private static Map<String, List<Finding>> findings(EffectiveAtRevision at, String revision,
                                                       List<String> environments, LocalDate today) {
        Map<String, List<Finding>> out = new HashMap<>();
        environments.forEach(e -> out.put(e, new ArrayList<>()));
        if (environments.isEmpty()) {
            return out;
        }
        ConfigurationValidator validator = ConfigurationValidator.of(at.validationSource(revision));
        for (Finding f : validator.validate(environments, today).findings()) {
            out.computeIfAbsent(f.environment(), e -> new ArrayList<>()).add(f);
        }
        return out;
    }

    private static List<Assessment> withConsumers(List<Assessment> assessments, ConsumerScan scan,
                                                  EffectiveAtRevision at, String head, OutputMasker secrets) {
        Set<ConfigPath> keys = new LinkedHashSet<>();
        assessments.forEach(a -> a.changes().forEach(c -> keys.add(c.path())));
        Map<ConfigPath, List<CodeReference>> found = scan.scan(keys,
                at.repositoryFiles(head, scan::matches, ConsumerScan.MAX_FILE_BYTES));
        List<Assessment> out = new ArrayList<>();
        for (Assessment a : assessments) {
            List<AssessedChange> changes = a.changes().stream()
                    .map(c -> c.withConsumers(found.getOrDefault(c.path(), List.of()).stream()
                            .map(r -> new CodeReference(r.file(), r.line(), secrets.mask(r.text()))).toList()))
                    .toList();
            out.add(new Assessment(a.environment(), a.base(), a.head(), a.riskLevel(), a.reasons(), changes,
                    a.introducedFindings(), a.preExistingFindings(), a.recommendedTests()));
        }
        return List.copyOf(out);
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

    /** Findings are the same across revisions when rule and path agree (messages may quote changed values). */
    private static String key(Finding f) {
        return f.ruleId() + "\u0000" + f.path();
    }
}
