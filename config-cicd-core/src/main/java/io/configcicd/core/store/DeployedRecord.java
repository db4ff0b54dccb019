package io.configcicd.core.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a target records about the deploy that wrote it, beside the data and outside the consumers' view
 * (ARCHITECTURE 3a): the commit, the deployment id, the SHA-256 of the content ({@link StoreContent#sha256()})
 * and the time. It is the store's version for check-and-set and for drift.
 *
 * <p>{@link #toFields()} / {@link #fromFields} are the one field naming every store uses (a redis hash, a JSON
 * object in a file or a consul key, ConfigMap annotations prefix them with {@code config-cicd.io/}).
 */
public record DeployedRecord(String commit, String deploymentId, String sha256, Instant time) {

    public static final String COMMIT = "commit";
    public static final String DEPLOYMENT_ID = "deployment_id";
    public static final String SHA256 = "sha256";
    public static final String TIME = "time";
    /** The field names, in the order they are written. */
    public static final List<String> FIELDS = List.of(COMMIT, DEPLOYMENT_ID, SHA256, TIME);

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public DeployedRecord {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(time, "time");
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }

    /** The record of a deploy of this content. */
    public static DeployedRecord of(StoreContent content, String commit, String deploymentId, Instant time) {
        return new DeployedRecord(commit, deploymentId, content.sha256(), time);
    }

    public Map<String, String> toFields() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(COMMIT, commit);
        out.put(DEPLOYMENT_ID, deploymentId);
        out.put(SHA256, sha256);
        out.put(TIME, time.toString());
        return out;
    }

    /**
     * The record of fields a store read back.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed (never a value)
     */
    public static DeployedRecord fromFields(Map<String, String> fields) {
        for (String f : FIELDS) {
            if (!fields.containsKey(f)) {
                throw new IllegalArgumentException("the deployed record has no field " + f);
            }
        }
        Instant time;
        try {
            time = Instant.parse(fields.get(TIME));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the deployed record's time is not an ISO-8601 instant", e);
        }
        return new DeployedRecord(fields.get(COMMIT), fields.get(DEPLOYMENT_ID), fields.get(SHA256), time);
    }

    /** Whether this record describes the given content (same hash). */
    public boolean describes(StoreContent content) {
        return sha256.equals(content.sha256());
    }
}
