package io.configcicd.core.deploy;

import io.configcicd.core.repo.DeploySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules a plan must pass unless {@code --force} is given (settings {@code deploy:}): no target may have more than
 * {@code max_change_ratio} of its entries changed or deleted; no entry under a {@code protected_keys} glob may be
 * added, changed or deleted in a target that already holds content (the first deploy to an empty target is not
 * guarded: there is nothing to protect yet); a {@code protected} environment is deployed from a clean work tree (or from a commit), never from
 * uncommitted files. Each refusal names its rule.
 */
final class Guardrails {

    private final DeploySettings settings;
    private final List<Pattern> protectedKeys;

    Guardrails(DeploySettings settings) {
        this.settings = settings;
        this.protectedKeys = settings.protectedKeys().stream().map(Guardrails::glob).toList();
    }

    /**
     * @param dirtyProtected why the environment counts as deployed from a dirty work tree; empty when it does not
     */
    List<Refusal> check(List<TargetPlan> plans, String environment, String dirtyProtected) {
        List<Refusal> out = new ArrayList<>();
        if (!dirtyProtected.isEmpty()) {
            out.add(new Refusal(Refusal.PROTECTED_ENVIRONMENT, "", environment + " is protected and " + dirtyProtected
                    + ": commit the change and deploy again, or deploy a commit with --commit-hash", true));
        }
        for (TargetPlan plan : plans) {
            double ratio = plan.changeRatio();
            if (ratio > settings.maxChangeRatio()) {
                out.add(new Refusal(Refusal.MAX_CHANGE_RATIO, plan.target(), String.format(Locale.ROOT,
                        "target %s: the plan changes or deletes %d of its %d entries (%.0f%%), above max_change_ratio"
                                + " %s", plan.target(), plan.count(EntryChange.Kind.CHANGED)
                                + plan.count(EntryChange.Kind.DELETED), plan.liveEntries(), ratio * 100,
                        settings.maxChangeRatio()), true));
            }
            List<String> touched = plan.liveEntries() == 0 ? List.of()
                    : plan.changes().stream().map(EntryChange::name).filter(this::isProtected).toList();
            if (!touched.isEmpty()) {
                out.add(new Refusal(Refusal.PROTECTED_KEYS, plan.target(), "target " + plan.target()
                        + ": the plan touches protected keys " + String.join(", ", touched), true));
            }
        }
        return out;
    }

    boolean isProtected(String entry) {
        return protectedKeys.stream().anyMatch(p -> p.matcher(entry).matches());
    }

    /** A glob over dotted entry names: {@code *} one segment, {@code **} any number; it also covers what is below. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^.]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re + "(\\..*)?");
    }
}
