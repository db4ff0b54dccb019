package io.configcicd.store.appconfig;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A double of AWS AppConfig's REST-JSON control plane (and STS {@code GetCallerIdentity}) on a loopback
 * {@link HttpServer}, written from the API reference: applications, environments and hosted configuration profiles
 * by id; hosted versions numbered per profile; {@code Latest-Version-Number} that is not the profile's latest: 409
 * {@code ConflictException}; deployments numbered per environment whose state follows the test clock through
 * VALIDATING, DEPLOYING (percentage by the strategy's growth), BAKING and COMPLETE, or, with an injected failure,
 * ROLLING_BACK and ROLLED_BACK; one running deployment per environment (409); {@code StopDeployment} rolls a running
 * deployment back (or reverts a COMPLETE one with {@code Allow-Revert}). Errors are {@code x-amzn-ErrorType} with a
 * {@code {"Message"}} body; SigV4 signatures are not checked. Fault hooks: the next request matching a path part
 * answers an error, or every request is denied (403).
 */
public final class AppConfigDouble implements AutoCloseable {

    static final Duration VALIDATING = Duration.ofSeconds(5);
    static final Duration ROLLING_BACK = Duration.ofSeconds(5);

    record Strategy(String id, int durationMinutes, float growth, int bakeMinutes) {
    }

    static final Map<String, Strategy> STRATEGIES = Map.of(
            "AppConfig.AllAtOnce", new Strategy("AppConfig.AllAtOnce", 0, 100, 10),
            "AppConfig.Linear50PercentEvery30Seconds", new Strategy("AppConfig.Linear50PercentEvery30Seconds", 1, 50, 1),
            "AppConfig.Linear20PercentEvery6Minutes", new Strategy("AppConfig.Linear20PercentEvery6Minutes", 30, 20, 30));

    record Version(int number, byte[] content, String contentType, String description, String label) {
    }

    final class Deployment {
        final int number;
        final String profileId;
        final int version;
        final Strategy strategy;
        final Instant started;
        final Optional<Duration> failAfter;
        Instant stopped;
        boolean reverted;

        Deployment(int number, String profileId, int version, Strategy strategy, Optional<Duration> failAfter) {
            this.number = number;
            this.profileId = profileId;
            this.version = version;
            this.strategy = strategy;
            this.started = clock.instant();
            this.failAfter = failAfter;
        }

        private Duration deploying() {
            return Duration.ofMinutes(strategy.durationMinutes());
        }

        String state() {
            Duration t = Duration.between(started, clock.instant());
            if (reverted) {
                return "REVERTED";
            }
            if (stopped != null) {
                return "ROLLED_BACK";
            }
            if (failAfter.isPresent() && t.compareTo(failAfter.get()) >= 0) {
                return t.compareTo(failAfter.get().plus(ROLLING_BACK)) >= 0 ? "ROLLED_BACK" : "ROLLING_BACK";
            }
            if (t.compareTo(VALIDATING) < 0) {
                return "VALIDATING";
            }
            Duration d = t.minus(VALIDATING);
            if (d.compareTo(deploying()) < 0) {
                return "DEPLOYING";
            }
            return d.compareTo(deploying().plusMinutes(strategy.bakeMinutes())) < 0 ? "BAKING" : "COMPLETE";
        }

        float percent() {
            String s = state();
            if (s.equals("VALIDATING")) {
                return 0;
            }
            if (!s.equals("DEPLOYING")) {
                return s.startsWith("ROLL") ? 0 : 100;
            }
            int steps = (int) Math.ceil(100 / strategy.growth());
            long stepMillis = deploying().toMillis() / steps;
            long elapsed = Duration.between(started.plus(VALIDATING), clock.instant()).toMillis();
            return Math.min(100, strategy.growth() * (1 + elapsed / Math.max(1, stepMillis)));
        }

        boolean running() {
            String s = state();
            return !s.equals("COMPLETE") && !s.equals("ROLLED_BACK") && !s.equals("REVERTED");
        }
    }

    static final class Profile {
        final String id;
        final String name;
        final TreeMap<Integer, Version> versions = new TreeMap<>();

        Profile(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    static final class Environment {
        final String id;
        final String name;
        final List<Deployment> deployments = new ArrayList<>();

        Environment(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    static final class Application {
        final String id;
        final String name;
        final Map<String, Environment> environments = new LinkedHashMap<>();
        final Map<String, Profile> profiles = new LinkedHashMap<>();

        Application(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private record Fault(String pathPart, int status, String errorType) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final HttpServer server;
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private int ids;
    private int pageSize = 2;
    private boolean denyAll;
    private Optional<Duration> failNextDeploymentAfter = Optional.empty();

    public AppConfigDouble(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- set-up and fault hooks for tests -------------------------------------------------------------------

    synchronized Application application(String name) {
        return applications.values().stream().filter(a -> a.name.equals(name)).findFirst().orElseGet(() -> {
            Application a = new Application("app" + (++ids), name);
            applications.put(a.id, a);
            return a;
        });
    }

    synchronized Environment environment(String app, String name) {
        Application a = application(app);
        return a.environments.values().stream().filter(e -> e.name.equals(name)).findFirst().orElseGet(() -> {
            Environment e = new Environment("env" + (++ids), name);
            a.environments.put(e.id, e);
            return e;
        });
    }

    synchronized Profile profile(String app, String name) {
        Application a = application(app);
        return a.profiles.values().stream().filter(p -> p.name.equals(name)).findFirst().orElseGet(() -> {
            Profile p = new Profile("prof" + (++ids), name);
            a.profiles.put(p.id, p);
            return p;
        });
    }

    /** The next deployment started rolls back (an alarm) this long after it started. */
    public synchronized void failNextDeploymentAfter(Duration after) {
        failNextDeploymentAfter = Optional.of(after);
    }

    /** The next request whose path contains {@code pathPart} (and whose method matches, "*" for any) fails. */
    public synchronized void failNext(String pathPart, int status, String errorType) {
        faults.add(new Fault(pathPart, status, errorType));
    }

    /**
     * What the environment serves: the content of the version its newest COMPLETE deployment deployed (a REVERTED
     * or ROLLED_BACK one serves nothing new); empty when nothing was deployed.
     */
    public synchronized Optional<String> served(String app, String environment) {
        Application a = application(app);
        Environment e = environment(app, environment);
        return newestFirst(e.deployments).stream().filter(d -> d.state().equals("COMPLETE")).findFirst()
                .map(d -> new String(a.profiles.get(d.profileId).versions.get(d.version).content(),
                        StandardCharsets.UTF_8));
    }

    /**
     * Another client starts a deployment of the profile's latest version with {@code strategy} (a slow one keeps it
     * running): the environment's one running deployment, so that a StartDeployment of ours meets a 409.
     */
    public synchronized void startDeploymentOfLatest(String app, String environment, String profile, String strategy) {
        Profile p = profile(app, profile);
        if (p.versions.isEmpty()) {
            throw new IllegalStateException("profile " + profile + " has no version to deploy");
        }
        Environment e = environment(app, environment);
        e.deployments.add(new Deployment(e.deployments.size() + 1, p.id, p.versions.lastKey(),
                STRATEGIES.get(strategy), Optional.empty()));
    }

    /** Whether a deployment is running in the environment (VALIDATING, DEPLOYING, BAKING, ROLLING_BACK). */
    public synchronized boolean running(String app, String environment) {
        return environment(app, environment).deployments.stream().anyMatch(Deployment::running);
    }

    synchronized void denyAll(boolean deny) {
        denyAll = deny;
    }

    /** Requests seen, as "METHOD /path". */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    private record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(int status, Object value) {
            return new Answer(status, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(value));
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;

        Failure(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        requests.add(method + " " + path);
        byte[] body = x.getRequestBody().readAllBytes();
        Answer answer;
        try {
            synchronized (this) {
                answer = route(x, method, path, body);
            }
        } catch (Failure f) {
            Map<String, String> message = Map.of("Message", f.getMessage());
            answer = new Answer(f.status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", f.type),
                    JSON.writeValueAsBytes(message));
        }
        answer.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
        x.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(answer.body());
        }
    }

    private Answer route(HttpExchange x, String method, String path, byte[] body) {
        if (denyAll) {
            throw new Failure(403, "AccessDeniedException", "User is not authorized to perform this action");
        }
        for (Fault f : faults) {
            if (path.contains(f.pathPart())) {
                faults.remove(f);
                throw new Failure(f.status(), f.errorType(), "injected fault");
            }
        }
        if (path.equals("/") && method.equals("POST")) {
            return sts();
        }
        List<String> p = List.of(path.replaceFirst("^/", "").split("/"));
        Map<String, String> query = query(x.getRequestURI().getRawQuery());
        if (p.get(0).equals("deploymentstrategies")) {
            return page(STRATEGIES.values().stream().map(s -> (Object) Map.of("Id", s.id(), "Name", s.id(),
                    "DeploymentDurationInMinutes", s.durationMinutes(), "GrowthFactor", s.growth(),
                    "FinalBakeTimeInMinutes", s.bakeMinutes())).toList(), query);
        }
        if (!p.get(0).equals("applications")) {
            throw new Failure(404, "ResourceNotFoundException", "no such resource: " + path);
        }
        if (p.size() == 1) {
            return method.equals("POST") ? Answer.json(201, appJson(application(field(body, "Name"))))
                    : page(applications.values().stream().map(a -> (Object) appJson(a)).toList(), query);
        }
        Application app = find(applications, p.get(1), "Application");
        if (p.size() == 2) {
            return Answer.json(200, appJson(app));
        }
        return p.get(2).equals("environments") ? environments(x, method, p, body, query, app)
                : profiles(x, method, p, body, query, app);
    }

    private Answer environments(HttpExchange x, String method, List<String> p, byte[] body, Map<String, String> query,
                                Application app) {
        if (p.size() == 3) {
            return method.equals("POST") ? Answer.json(201, envJson(app, environment(app.name, field(body, "Name"))))
                    : page(app.environments.values().stream().map(e -> (Object) envJson(app, e)).toList(), query);
        }
        Environment env = find(app.environments, p.get(3), "Environment");
        if (p.size() == 4) {
            return Answer.json(200, envJson(app, env));
        }
        if (p.size() == 5) {
            return method.equals("POST") ? startDeployment(app, env, body)
                    : page(newestFirst(env.deployments).stream().map(d -> (Object) deploymentJson(app, env, d)).toList(),
                    query);
        }
        int n = Integer.parseInt(p.get(5));
        Deployment d = env.deployments.stream().filter(e -> e.number == n).findFirst()
                .orElseThrow(() -> new Failure(404, "ResourceNotFoundException", "Deployment " + n + " not found"));
        if (method.equals("DELETE")) {
            if (d.running()) {
                d.stopped = clock.instant();
            } else if ("true".equals(x.getRequestHeaders().getFirst("Allow-Revert")) && d.state().equals("COMPLETE")) {
                d.reverted = true;
            } else {
                throw new Failure(400, "BadRequestException", "deployment " + n + " is " + d.state());
            }
            return Answer.json(202, deploymentJson(app, env, d));
        }
        return Answer.json(200, deploymentJson(app, env, d));
    }

    private Answer startDeployment(Application app, Environment env, byte[] body) {
        JsonNode req = JSON.readTree(body);
        Profile profile = find(app.profiles, req.get("ConfigurationProfileId").asString(), "ConfigurationProfile");
        int version = Integer.parseInt(req.get("ConfigurationVersion").asString());
        if (!profile.versions.containsKey(version)) {
            throw new Failure(404, "ResourceNotFoundException", "Version " + version + " not found");
        }
        Strategy strategy = STRATEGIES.get(req.get("DeploymentStrategyId").asString());
        if (strategy == null) {
            throw new Failure(404, "ResourceNotFoundException", "DeploymentStrategy not found");
        }
        Optional<Deployment> running = env.deployments.stream().filter(Deployment::running).findFirst();
        if (running.isPresent()) {
            throw new Failure(409, "ConflictException", "Deployment number " + running.get().number
                    + " already in progress in environment " + env.id);
        }
        Deployment d = new Deployment(env.deployments.size() + 1, profile.id, version, strategy,
                failNextDeploymentAfter);
        failNextDeploymentAfter = Optional.empty();
        env.deployments.add(d);
        return Answer.json(201, deploymentJson(app, env, d));
    }

    private Answer profiles(HttpExchange x, String method, List<String> p, byte[] body, Map<String, String> query,
                            Application app) {
        if (p.size() == 3) {
            return method.equals("POST") ? Answer.json(201, profileJson(app, profile(app.name, field(body, "Name"))))
                    : page(app.profiles.values().stream().map(e -> (Object) profileJson(app, e)).toList(), query);
        }
        Profile profile = find(app.profiles, p.get(3), "ConfigurationProfile");
        if (p.size() == 4) {
            return Answer.json(200, profileJson(app, profile));
        }
        if (p.size() == 5 && method.equals("POST")) {
            return createVersion(x, app, profile, body);
        }
        if (p.size() == 5) {
            return page(profile.versions.descendingMap().values().stream().map(v -> (Object) Map.of(
                    "ApplicationId", app.id, "ConfigurationProfileId", profile.id, "VersionNumber", v.number(),
                    "Description", v.description(), "ContentType", v.contentType())).toList(), query);
        }
        Version v = profile.versions.get(Integer.parseInt(p.get(5)));
        if (v == null) {
            throw new Failure(404, "ResourceNotFoundException", "Version not found");
        }
        return versionAnswer(200, app, profile, v);
    }

    private Answer createVersion(HttpExchange x, Application app, Profile profile, byte[] body) {
        int latest = profile.versions.isEmpty() ? 0 : profile.versions.lastKey();
        String lock = x.getRequestHeaders().getFirst("Latest-Version-Number");
        if (lock != null && Integer.parseInt(lock) != latest) {
            throw new Failure(409, "ConflictException", "Latest version number " + lock + " does not match " + latest);
        }
        if (body.length > AppConfigStoreProvider.HOSTED_LIMIT_BYTES) {
            throw new Failure(413, "PayloadTooLargeException", "The configuration is too large");
        }
        String description = Optional.ofNullable(x.getRequestHeaders().getFirst("Description")).orElse("");
        Version v = new Version(latest + 1, body, x.getRequestHeaders().getFirst("Content-Type"), description,
                Optional.ofNullable(x.getRequestHeaders().getFirst("VersionLabel")).orElse(""));
        profile.versions.put(v.number(), v);
        return versionAnswer(201, app, profile, v);
    }

    private static Answer versionAnswer(int status, Application app, Profile profile, Version v) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Application-Id", app.id);
        headers.put("Configuration-Profile-Id", profile.id);
        headers.put("Version-Number", Integer.toString(v.number()));
        headers.put("Description", v.description());
        headers.put("Content-Type", v.contentType());
        headers.put("VersionLabel", v.label());
        return new Answer(status, headers, v.content());
    }

    private static Answer sts() {
        String xml = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>arn:aws:sts::123456789012:assumed-role/deploy/ci</Arn>"
                + "<UserId>AROAEXAMPLE:ci</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
        return new Answer(200, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer page(List<Object> items, Map<String, String> query) {
        int size = Integer.parseInt(query.getOrDefault("max_results", "50"));
        int from = Integer.parseInt(query.getOrDefault("next_token", "0"));
        int to = Math.min(items.size(), from + size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Items", items.subList(Math.min(from, items.size()), to));
        if (to < items.size()) {
            out.put("NextToken", Integer.toString(to));
        }
        return Answer.json(200, out);
    }

    private static List<Deployment> newestFirst(List<Deployment> deployments) {
        List<Deployment> out = new ArrayList<>(deployments);
        Collections.reverse(out);
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String field(byte[] body, String name) {
        return JSON.readTree(body).get(name).asString();
    }

    private static <T> T find(Map<String, T> map, String id, String kind) {
        T found = map.get(id);
        if (found == null) {
            throw new Failure(404, "ResourceNotFoundException", kind + " " + id + " not found");
        }
        return found;
    }

    private static Map<String, Object> appJson(Application a) {
        return Map.of("Id", a.id, "Name", a.name);
    }

    private static Map<String, Object> envJson(Application a, Environment e) {
        return Map.of("ApplicationId", a.id, "Id", e.id, "Name", e.name, "State", "ReadyForDeployment");
    }

    private static Map<String, Object> profileJson(Application a, Profile p) {
        return Map.of("ApplicationId", a.id, "Id", p.id, "Name", p.name, "LocationUri", "hosted",
                "Type", "AWS.Freeform");
    }

    private Map<String, Object> deploymentJson(Application a, Environment e, Deployment d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ApplicationId", a.id);
        out.put("EnvironmentId", e.id);
        out.put("DeploymentStrategyId", d.strategy.id());
        out.put("ConfigurationProfileId", d.profileId);
        out.put("DeploymentNumber", d.number);
        out.put("ConfigurationName", a.profiles.get(d.profileId).name);
        out.put("ConfigurationLocationUri", "hosted");
        out.put("ConfigurationVersion", Integer.toString(d.version));
        out.put("DeploymentDurationInMinutes", d.strategy.durationMinutes());
        out.put("GrowthType", "LINEAR");
        out.put("GrowthFactor", d.strategy.growth());
        out.put("FinalBakeTimeInMinutes", d.strategy.bakeMinutes());
        out.put("State", d.state());
        out.put("PercentageComplete", d.percent());
        return out;
    }
}
