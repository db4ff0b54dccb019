package io.configcicd.store.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real {@code redis-server} on a free loopback port in a temporary directory before a test class and
 * stops it after: {@code --port N --bind 127.0.0.1 --save "" --appendonly no} plus the given arguments. When
 * {@code redis-server} is not installed the class is skipped with a message, unless the environment variable
 * {@code CI} is set: there it fails ({@code bin/run-tests} installs it). Register it as a static field with
 * {@code @RegisterExtension}. Public, in this module's test-jar, for the end-to-end tests of
 * config-cli.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, ExecutionCondition {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final List<String> extraArgs;
    private Path directory;
    private int port;
    private Process process;

    public RedisServerExtension(String... extraArgs) {
        this.extraArgs = List.of(extraArgs);
    }

    public static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/bin/redis-server")) || Files.isExecutable(Path.of("/usr/sbin/redis-server"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed() || System.getenv("CI") != null) {
            return ConditionEvaluationResult.enabled("redis-server is installed (or CI is set: it must be)");
        }
        return ConditionEvaluationResult.disabled("redis-server is not installed: install it (apt-get install -y"
                + " redis-server, as bin/run-tests does) to run the redis store's tests against a real server");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!installed()) {
            throw new IllegalStateException("CI is set but redis-server is not installed: run bin/run-tests,"
                    + " which installs it, or apt-get install -y redis-server");
        }
        directory = Files.createTempDirectory("redis-it");
        port = freePort();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Starts the server (again) on the same port and directory, and waits until it answers PING. */
    public void start() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString()));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on port " + port + ": "
                        + Files.readString(directory.resolve("redis.log")));
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL: the server dies at once, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Any reply (PONG, or NOAUTH on a server with a password) means the server is up. */
    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int first = s.getInputStream().read();
            return first == '+' || first == '-';
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
