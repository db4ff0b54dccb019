package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.model.Severity;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.Fix;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code security.https} (error, protected environments only): a string value that starts with
 * {@code http://} or {@code ws://} (any case) must point at an allowed host, by default a loopback one
 * ({@code localhost}, {@code 127.0.0.1}, {@code ::1}, {@code *.localhost}). An allowed host is written as is,
 * or as {@code *.suffix} for every host under a domain. Values under secret keys are not looked at.
 *
 * <p>The message names the path, the scheme and the host only: a URL can carry a password in its user info,
 * or a token in its query. The fix sets the same URL with {@code https://} or {@code wss://} in the
 * environment's override document; a URL with user info gets no fix, because the fix would copy its
 * credentials into another file.
 */
public final class HttpsRule implements ValidationRule {

    /** The hosts plain http is allowed to by default. */
    public static final List<String> DEFAULT_ALLOWED_HOSTS = List.of("localhost", "127.0.0.1", "::1", "*.localhost");

    private final List<String> allowedHosts;
    private final SecretMasker masker;

    /**
     * @param allowedHosts hosts that may be reached without TLS, exact or {@code *.suffix}
     * @param secretKeys   the secret key patterns, {@code Settings.secretKeys()}
     */
    public HttpsRule(List<String> allowedHosts, List<String> secretKeys) {
        this.allowedHosts = allowedHosts.stream().map(HttpsRule::normalize).toList();
        this.masker = new SecretMasker(secretKeys);
    }

    @Override
    public String id() {
        return SecurityPolicy.HTTPS;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    /** The allowed hosts, lower-case. */
    public List<String> allowedHosts() {
        return allowedHosts;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.isProtected()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        ConfigNodes.walk(context.effective(), ConfigPath.root(), (path, node) -> {
            if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING && !masker.isSecret(path)) {
                InsecureUrl.parse((String) s.value())
                        .filter(url -> !isAllowed(url.host()))
                        .ifPresent(url -> out.add(violation(path, s.origin(), url, context.environment())));
            }
        });
        return out;
    }

    private static Violation violation(ConfigPath path, Origin origin, InsecureUrl url, String env) {
        String host = url.host().isEmpty() ? "no host" : "host " + url.host();
        String message = "plain " + url.scheme() + ":// URL at " + path + " (" + host + ") in protected environment "
                + env + ": use " + url.secureScheme() + "://";
        if (url.hasUserInfo()) {
            return Violation.of(path, origin, message
                    + "; the URL also carries credentials, which belong in a secret (${VAR} or ENC[...])");
        }
        Fix fix = new Fix(path, ConfigScalar.string(url.secured(), Origin.UNKNOWN), "set " + path + " to the same URL"
                + " with " + url.secureScheme() + ":// in environments/" + env, Fix.Document.ENVIRONMENT);
        return new Violation(path, origin, message, Optional.of(fix));
    }

    private boolean isAllowed(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    @Override
    public String toString() {
        return id() + " " + allowedHosts;
    }
}
