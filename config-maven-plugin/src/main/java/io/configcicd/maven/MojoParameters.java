package io.configcicd.maven;

import io.configcicd.core.api.PolicySource;
import io.configcicd.core.model.Durations;
import io.configcicd.core.model.Threshold;
import io.configcicd.core.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;

/** The {@code config.*} parameters as the core's values: lists, thresholds, report formats, the policy ref. */
final class MojoParameters {

    private MojoParameters() {
    }

    /**
     * The parameters every goal shares.
     *
     * @param environments {@code config.environment}: the environments asked for; empty means every environment
     * @param revision     {@code config.commit}: the git revision; empty for the work tree
     * @param serviceEnv   the process environment the core's services see: it names the principal and holds the
     *                     variables secrets reference; {@code CONFIG_CICD_POLICY_REF} is {@code config.policyRef}
     */
    record Shared(List<String> environments, Optional<String> revision, Map<String, String> serviceEnv) {
        Shared {
            environments = List.copyOf(environments);
            serviceEnv = Map.copyOf(serviceEnv);
        }
    }

    /** A parameter as given, trimmed; empty when it is not set or blank. */
    static Optional<String> value(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    /**
     * {@code failOn} as a threshold: a severity or a risk level, each standing for the other of the same rank, so one
     * {@code -Dconfig.failOn} serves {@code config:validate} and {@code config:assess} in the same build.
     *
     * @throws MojoFailureException naming the parameter, its property and the words allowed
     */
    static Optional<Threshold> failOn(String text) throws MojoFailureException {
        try {
            return value(text).map(Threshold::parse);
        } catch (IllegalArgumentException e) {
            throw MojoFailures.parameterError("failOn", "config.failOn", e);
        }
    }

    /**
     * The report formats of a goal's {@code formats} parameter ({@code config.formats}), in the order given,
     * without repeats; none for {@code none}.
     */
    static List<ReportFormat> reportFormats(String formats) throws MojoFailureException {
        Set<ReportFormat> out = new LinkedHashSet<>();
        List<String> names = list(formats);
        if (names.size() == 1 && names.get(0).equalsIgnoreCase("none")) {
            return List.of();
        }
        try {
            for (String name : names) {
                out.add(ReportFormat.parse(name));
            }
        } catch (IllegalArgumentException e) {
            throw MojoFailures.parameterError("formats", "config.formats", e);
        }
        return List.copyOf(out);
    }

    /**
     * A positive duration parameter: a number of seconds ({@code 300}) or a number with its unit ({@code 500ms},
     * {@code 10s}, {@code 5m}, {@code 1h}); empty when the parameter is not set.
     *
     * @throws MojoFailureException naming the parameter, its property, the value and the forms allowed
     */
    static Optional<Duration> duration(String text, String parameter, String property) throws MojoFailureException {
        Optional<String> given = value(text);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = Durations.positiveSeconds(given.get());
        if (d.isEmpty()) {
            throw MojoFailures.parameterError(parameter, property, new IllegalArgumentException("'" + given.get()
                    + "' is not a positive duration: write seconds (300) or a number with ms, s, m or h"
                    + " (500ms, 10s, 5m, 1h)"));
        }
        return d;
    }

    /**
     * The process environment the core's services see: it names the principal and holds the variables secrets
     * reference; {@code CONFIG_CICD_POLICY_REF} is {@code config.policyRef} when that is set.
     */
    static Map<String, String> serviceEnvironment(String policyRef) {
        if (policyRef == null || policyRef.isBlank()) {
            return System.getenv();
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(PolicySource.VARIABLE, policyRef.strip());
        return Map.copyOf(env);
    }

    /** Names separated by commas, trimmed, blanks and repeats dropped. */
    static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(",")) {
            String name = part.trim();
            if (!name.isEmpty() && !out.contains(name)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** The version of this plugin, written into reports. */
    static String pluginVersion() {
        Properties props = new Properties();
        try (InputStream in = AbstractConfigMojo.class.getResourceAsStream("plugin-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = props.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }
}
