package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.model.PathGlob;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in security policy: the rules every configuration directory gets unless its {@code config-cicd.yaml}
 * turns them off. Ids and default severities (severity overrides and waivers name the ids):
 * <ul>
 *   <li>{@value #PLAINTEXT_SECRET}, critical, every environment: values under secret keys are {@code ${VAR}}
 *       references or {@code ENC[...]} ({@link PlaintextSecretRule});</li>
 *   <li>{@value #AUTHENTICATION}, error, protected environments: authentication switches are on
 *       ({@link RequiredSwitchRule});</li>
 *   <li>{@value #ENCRYPTION}, error, protected environments: encryption / TLS switches are on
 *       ({@link RequiredSwitchRule});</li>
 *   <li>{@value #DEBUG}, error, protected environments: debug switches are off ({@link DebugRule});</li>
 *   <li>{@value #HTTPS}, error, protected environments: no {@code http://} or {@code ws://} URL to a host
 *       outside {@code allow_hosts} ({@link HttpsRule});</li>
 *   <li>{@value #AMBIGUOUS_BOOLEAN}, warning, every environment: no unquoted YAML 1.1 boolean ({@code yes},
 *       {@code off}, ...) that YAML 1.2 reads as a string ({@link AmbiguousBooleanRule}).</li>
 * </ul>
 * The switches of the authentication, encryption and debug rules take an unquoted YAML {@code yes}/{@code on} for
 * true and {@code no}/{@code off} for false, as applications reading YAML 1.1 do ({@link Yaml11Boolean}).
 *
 * <p>The optional {@code policy:} section (every key optional, defaults shown; {@code paths} and
 * {@code allow_hosts} replace the defaults rather than add to them; {@code name: false} is short for
 * {@code name: {enabled: false}}):
 * <pre>
 * policy:
 *   enabled: true                  # false turns the whole built-in policy off
 *   plaintext_secrets: {enabled: true}
 *   authentication:
 *     enabled: true
 *     paths: ["**.authentication.enabled", "**.authentication_required", "**.auth.enabled", "**.auth_enabled"]
 *   encryption:
 *     enabled: true
 *     paths: ["**.encryption.enabled", "**.encryption_enabled", "**.tls.enabled", "**.ssl.enabled"]
 *   debug:
 *     enabled: true
 *     paths: ["**.debug", "**.debug_mode", "**.debug_ui", "**.debug_*"]
 *   https:
 *     enabled: true
 *     allow_hosts: [localhost, 127.0.0.1, "::1", "*.localhost"]   # exact hosts, or *.domain
 *   ambiguous_booleans: {enabled: true}
 * </pre>
 * A malformed section (a typo in a key, a list where a mapping belongs, a path that does not parse) is a
 * bad-input error at its file:line with what to write.
 */
public final class SecurityPolicy {

    public static final String PLAINTEXT_SECRET = "security.plaintext-secret";
    public static final String AUTHENTICATION = "security.authentication";
    public static final String ENCRYPTION = "security.encryption";
    public static final String DEBUG = "security.debug";
    public static final String HTTPS = "security.https";
    public static final String AMBIGUOUS_BOOLEAN = "yaml.ambiguous-boolean";

    /** Every rule id of the policy, in the order {@link #rules} returns them. */
    public static final List<String> IDS =
            List.of(PLAINTEXT_SECRET, AUTHENTICATION, ENCRYPTION, DEBUG, HTTPS, AMBIGUOUS_BOOLEAN);

    public static final List<String> DEFAULT_AUTHENTICATION_PATHS = List.of(
            "**.authentication.enabled", "**.authentication_required", "**.auth.enabled", "**.auth_enabled");
    public static final List<String> DEFAULT_ENCRYPTION_PATHS = List.of(
            "**.encryption.enabled", "**.encryption_enabled", "**.tls.enabled", "**.ssl.enabled");
    public static final List<String> DEFAULT_DEBUG_PATHS = List.of(
            "**.debug", "**.debug_mode", "**.debug_ui", "**.debug_*");

    private static final List<String> SECTIONS = List.of("enabled", "plaintext_secrets", "authentication",
            "encryption", "debug", "https", "ambiguous_booleans");

    private SecurityPolicy() {
    }

    /**
     * The enabled rules of the policy, as the settings' {@code policy:} section configures them (all of them
     * when it is absent).
     *
     * @throws io.configcicd.core.ConfigCicdException bad input at the file:line of a malformed {@code policy:}
     */
    public static List<ValidationRule> rules(Settings settings) {
        ConfigMap raw = settings.raw();
        PolicySection policy = PolicySection.read(raw.getOrNull("policy"), "policy", raw.origin());
        policy.onlyFields(SECTIONS);
        List<ValidationRule> out = new ArrayList<>();
        PolicySection secrets = policy.section("plaintext_secrets");
        secrets.onlyFields(List.of("enabled"));
        if (secrets.enabled()) {
            out.add(new PlaintextSecretRule(settings.secretKeys()));
        }
        PolicySection auth = switchSection(policy, "authentication");
        List<PathGlob> authPaths = globs(auth, DEFAULT_AUTHENTICATION_PATHS);
        if (auth.enabled()) {
            out.add(new RequiredSwitchRule(AUTHENTICATION, "authentication", authPaths));
        }
        PolicySection encryption = switchSection(policy, "encryption");
        List<PathGlob> encryptionPaths = globs(encryption, DEFAULT_ENCRYPTION_PATHS);
        if (encryption.enabled()) {
            out.add(new RequiredSwitchRule(ENCRYPTION, "encryption", encryptionPaths));
        }
        PolicySection debug = switchSection(policy, "debug");
        List<PathGlob> debugPaths = globs(debug, DEFAULT_DEBUG_PATHS);
        if (debug.enabled()) {
            out.add(new DebugRule(debugPaths));
        }
        PolicySection https = policy.section("https");
        https.onlyFields(List.of("enabled", "allow_hosts"));
        List<String> hosts = https.strings("allow_hosts", true, "allow_hosts: [localhost, 127.0.0.1, \"*.internal\"]")
                .map(l -> l.stream().map(s -> (String) s.value()).toList()).orElse(HttpsRule.DEFAULT_ALLOWED_HOSTS);
        if (https.enabled()) {
            out.add(new HttpsRule(hosts, settings.secretKeys()));
        }
        PolicySection booleans = policy.section("ambiguous_booleans");
        booleans.onlyFields(List.of("enabled"));
        if (booleans.enabled()) {
            out.add(new AmbiguousBooleanRule(settings.secretKeys()));
        }
        return policy.enabled() ? List.copyOf(out) : List.of();
    }

    private static PolicySection switchSection(PolicySection policy, String name) {
        PolicySection section = policy.section(name);
        section.onlyFields(List.of("enabled", "paths"));
        return section;
    }

    private static List<PathGlob> globs(PolicySection section, List<String> defaults) {
        String example = "paths: [\"" + String.join("\", \"", defaults) + "\"]";
        List<ConfigScalar> written = section.strings("paths", false, example).orElse(null);
        if (written == null) {
            return defaults.stream().map(PathGlob::parse).toList();
        }
        List<PathGlob> out = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            ConfigScalar s = written.get(i);
            try {
                out.add(PathGlob.parse((String) s.value()));
            } catch (IllegalArgumentException e) {
                throw PolicySection.error(s.origin(), section.label() + ".paths[" + i + "] is not a path: "
                        + e.getMessage(), "write a dotted path such as security.authentication.enabled or a glob "
                        + "such as **.auth.enabled");
            }
        }
        return List.copyOf(out);
    }
}
