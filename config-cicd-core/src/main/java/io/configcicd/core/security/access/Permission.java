package io.configcicd.core.security.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a principal may do, per environment; written in lower case in {@code config-cicd.yaml}. */
public enum Permission {
    /** Read configuration (masked): {@code get}, {@code diff}, {@code explain}, {@code validate}, {@code audit verify}. */
    READ,
    /** Change configuration: {@code set}, {@code validate --fix}, {@code encrypt}, {@code rekey}. */
    WRITE,
    /** Push configuration to stores: {@code deploy}. */
    DEPLOY,
    /** Restore an earlier version or deployment: {@code rollback}, automatic rollback by {@code monitor}. */
    ROLLBACK,
    /** See secrets in plain text: {@code get --reveal}, {@code decrypt}. */
    REVEAL,
    /**
     * Change {@code config-cicd.yaml}, whose settings (the access policy, the audit log, rules, targets) apply to every
     * environment: needed, on every environment, in addition to the permission of the command that writes it.
     */
    ADMIN;

    /** The name as written in settings and messages: {@code read}, {@code deploy}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The permission a settings word names (case-insensitive), if any. */
    public static Optional<Permission> parse(String word) {
        for (Permission p : values()) {
            if (p.label().equalsIgnoreCase(word.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** {@code read, write, deploy, rollback, reveal, admin}: for hints. */
    public static String allLabels() {
        return Arrays.stream(values()).map(Permission::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label();
    }
}
