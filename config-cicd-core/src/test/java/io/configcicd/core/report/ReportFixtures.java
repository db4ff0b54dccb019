package io.configcicd.core.report;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.Fix;
import java.util.List;
import java.util.Optional;

/** A report with findings in two files and two environments, a clean third environment, and awkward messages. */
final class ReportFixtures {

    static final String PRODUCTION_FILE = "configuration/environments/production.yaml";
    static final String BASE_FILE = "configuration/global/base.yaml";

    /** Quotes, angle brackets, ampersand, percent, newline, comma and colon. */
    static final String NASTY = "plaintext secret \"api_key\" in <security> & 100% exposed,\nsee: docs";
    static final String FIX = "replace it with ${OPENAI_API_KEY}, then set: that variable";

    private ReportFixtures() {
    }

    static Finding secret() {
        ConfigPath path = ConfigPath.parse("security.api_key");
        return new Finding("plaintext-secret", Severity.CRITICAL, "production", path,
                Origin.of("environments/production.yaml", 12, 5), NASTY,
                Optional.of(new Fix(path, ConfigScalar.string("${OPENAI_API_KEY}", Origin.UNKNOWN), FIX)));
    }

    static Finding missingOwner() {
        return new Finding("required-key", Severity.WARNING, "production", ConfigPath.parse("metadata.owner"),
                Origin.file("environments/production.yaml"), "missing key \"owner\" <required>", Optional.empty());
    }

    static Finding portInProduction() {
        return new Finding("port-range", Severity.ERROR, "production",
                ConfigPath.parse("services.manager_agent.port"), Origin.of("global/base.yaml", 30, 11),
                "port 70000 is outside 1..65535, a,b: c", Optional.empty());
    }

    static Finding portInStaging() {
        return new Finding("port-range", Severity.ERROR, "staging",
                ConfigPath.parse("services.manager_agent.port"), Origin.of("global/base.yaml", 30, 11),
                "port 70000 is outside 1..65535, a,b: c", Optional.empty());
    }

    static Finding deprecatedInStaging() {
        return new Finding("deprecated-key", Severity.INFO, "staging", ConfigPath.parse("kgot.old_depth"),
                Origin.of("global/base.yaml", 4, 3), "'old_depth' is deprecated & ignored: use 'reasoning_depth'",
                Optional.empty());
    }

    static List<Finding> findings() {
        return List.of(deprecatedInStaging(), secret(), portInStaging(), missingOwner(), portInProduction());
    }

    static Report report() {
        return Report.of("1.2.3", "validate", "configuration/", List.of("production", "staging", "development"),
                findings());
    }

    static Report clean() {
        return Report.of("1.2.3", "validate", "configuration/", List.of("production", "staging"), List.of());
    }

    static String render(ReportFormat format, Report report) {
        return ReportWriters.of(format, false).render(report);
    }
}
