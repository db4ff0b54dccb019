package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies waivers to findings: a finding covered by a waiver that has not expired is set aside; an expired
 * waiver silences nothing and adds a finding of its own ({@value #EXPIRED_RULE}, a warning at the waiver's
 * file:line) so the team sees why a finding came back.
 */
public final class Waivers {

    /** The rule id of the finding an expired waiver raises. */
    public static final String EXPIRED_RULE = "waiver.expired";

    private Waivers() {
    }

    /** The findings that remain and those that were waived. */
    public record Outcome(List<Finding> findings, List<WaivedFinding> waived) {
    }

    public static Outcome apply(List<Finding> findings, List<Waiver> waivers, LocalDate today, String anyEnvironment) {
        List<Finding> kept = new ArrayList<>();
        List<WaivedFinding> waived = new ArrayList<>();
        Map<Waiver, String> expiredSeenIn = new LinkedHashMap<>();
        for (Finding f : findings) {
            Optional<Waiver> live = waivers.stream().filter(w -> !w.expiredOn(today) && w.covers(f)).findFirst();
            if (live.isPresent()) {
                waived.add(new WaivedFinding(f, live.get()));
                continue;
            }
            kept.add(f);
            waivers.stream().filter(w -> w.expiredOn(today) && w.covers(f))
                    .forEach(w -> expiredSeenIn.putIfAbsent(w, f.environment()));
        }
        for (Waiver w : waivers) {
            if (w.expiredOn(today)) {
                kept.add(expired(w, expiredSeenIn.getOrDefault(w, anyEnvironment), expiredSeenIn.containsKey(w)));
            }
        }
        return new Outcome(kept, waived);
    }

    private static Finding expired(Waiver w, String environment, boolean coveredSomething) {
        String message = "waiver for rule " + w.ruleId() + " at " + w.path() + " expired on " + w.expires().orElseThrow()
                + " (reason given: " + w.reason() + ")"
                + (coveredSomething ? "; the findings it covered are reported again" : "; it no longer matches any finding")
                + ": fix the findings, or renew the waiver with a new expires date, or remove it";
        return new Finding(EXPIRED_RULE, Severity.WARNING, environment, ConfigPath.root(), w.origin(), message,
                Optional.empty());
    }
}
