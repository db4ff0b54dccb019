package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A GitHub runner, simulated: a workspace that is a real git repository, the runner's output, summary and event
 * files, the {@code GITHUB_*} variables, and {@link #run} which starts the action's entry point as a separate JVM
 * (as the container does) with the {@code INPUT_*} variables of a step, and no other variables than those given.
 */
final class SimulatedRunner {

    static final String RUN_ID = "4711";

    final Path workspace;
    final Path config;
    private final Path runnerDir;
    private final Map<String, String> env = new LinkedHashMap<>();

    /** A workspace under {@code tmp} with {@code configuration/} holding two environments; nothing committed yet. */
    SimulatedRunner(Path tmp) throws IOException {
        this(Files.createDirectories(tmp.resolve("workspace")), Files.createDirectories(tmp.resolve("runner")));
        write("config-cicd.yaml", """
                environments:
                  staging: {}
                  production: {protected: true}
                """);
        write("global/base.yaml", """
                service:
                  port: 8080
                  timeout: 30
                database:
                  host: db.internal
                  password: "${DB_PASSWORD}"
                security:
                  authentication:
                    enabled: true
                  encryption:
                    enabled: true
                """);
        write("environments/production.yaml", """
                service:
                  timeout: 60
                security:
                  authentication:
                    enabled: true
                """);
        write("environments/staging.yaml", """
                service:
                  timeout: 45
                """);
        git("init", "-q", "-b", "main");
    }

    /** A runner whose workspace is the existing repository {@code workspace}; its files go to {@code runnerDir}. */
    private SimulatedRunner(Path workspace, Path runnerDir) {
        this.workspace = workspace;
        this.runnerDir = runnerDir;
        config = workspace.resolve("configuration");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_OUTPUT", runnerDir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", runnerDir.resolve("summary.md").toString());
        env.put("GITHUB_RUN_ID", RUN_ID);
        env.put("GITHUB_ACTOR", "octocat");
    }

    /** A runner on a repository that already exists ({@code workspace}), its runner files under {@code tmp}. */
    static SimulatedRunner onRepository(Path workspace, Path tmp) throws IOException {
        return new SimulatedRunner(workspace, Files.createDirectories(tmp.resolve("runner")));
    }

    /** Writes a file of the configuration directory. */
    void write(String file, String text) throws IOException {
        Path p = config.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Replaces text in a file of the configuration directory. */
    void edit(String file, String from, String to) throws IOException {
        Path p = config.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    /** Commits the whole workspace; returns the commit id. */
    String commit(String message) throws IOException {
        git("add", "-A");
        git("-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", message);
        String head = git("rev-parse", "HEAD").trim();
        env.put("GITHUB_SHA", head);
        return head;
    }

    /**
     * Replaces the workspace by a shallow clone of it ({@code git clone --depth N}), as {@code actions/checkout}
     * checks out with its default {@code fetch-depth: 1}.
     */
    void shallowCheckout(int depth) throws IOException {
        Path origin = workspace.resolveSibling("origin");
        Files.move(workspace, origin);
        Process p = new ProcessBuilder("git", "clone", "-q", "--depth", String.valueOf(depth), origin.toUri().toString(),
                workspace.toString()).redirectErrorStream(true).start();
        String out = read(p.getInputStream());
        try {
            assertThat(p.waitFor()).as("git clone: " + out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The run is triggered by a pull request whose base is {@code baseSha}. */
    void pullRequest(String baseSha) throws IOException {
        event("pull_request", "{\"action\":\"synchronize\",\"number\":7,\"pull_request\":{\"number\":7,"
                + "\"base\":{\"ref\":\"main\",\"sha\":\"" + baseSha + "\"},\"head\":{\"ref\":\"feature\"}}}");
    }

    /** The run is triggered by a push that moved the branch from {@code before}. */
    void push(String before) throws IOException {
        event("push", "{\"ref\":\"refs/heads/main\",\"before\":\"" + before + "\",\"after\":\""
                + env.get("GITHUB_SHA") + "\",\"created\":false}");
    }

    /** The run is triggered by the event {@code name} with this payload. */
    void event(String name, String payload) throws IOException {
        Path file = runnerDir.resolve("event.json");
        Files.writeString(file, payload);
        env.put("GITHUB_EVENT_NAME", name);
        env.put("GITHUB_EVENT_PATH", file.toString());
    }

    /** A variable of every later run (a secret's value, for instance). */
    void set(String name, String value) {
        env.put(name, value);
    }

    /** Runs the action with these inputs (input name, value, ...), as a new JVM in the workspace. */
    Step run(String... inputs) throws Exception {
        return start(inputs).await();
    }

    /** Starts the action with these inputs, as a new JVM in the workspace, and returns while it runs. */
    Running start(String... inputs) throws IOException {
        clearRunnerFiles();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ActionMain.class.getName()).directory(workspace.toFile());
        Map<String, String> processEnv = pb.environment();
        processEnv.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
        processEnv.putAll(env);
        for (int i = 0; i < inputs.length; i += 2) {
            processEnv.put(ActionInputs.variable(inputs[i]), inputs[i + 1]);
        }
        return new Running(pb.start());
    }

    /** A run of the action in progress: its standard output so far, a SIGTERM, its end. */
    final class Running {
        private final Process process;
        private final StringBuffer stdout = new StringBuffer();
        private final CompletableFuture<Void> out;
        private final CompletableFuture<String> err;

        private Running(Process process) {
            this.process = process;
            this.out = CompletableFuture.runAsync(() -> copy(process.getInputStream(), stdout));
            this.err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        }

        /** Waits up to 60 s until the standard output contains {@code text}. */
        void awaitOutput(String text) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!stdout.toString().contains(text)) {
                assertThat(System.nanoTime() < end && process.isAlive()).as("waiting for '" + text + "' in:\n"
                        + stdout).isTrue();
                Thread.sleep(20);
            }
        }

        /**
         * Sends SIGTERM, as the runner does to a cancelled job's step (with kill(1): {@code Process.destroy} would
         * close the streams this reads).
         */
        void sigterm() throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start();
            assertThat(kill.waitFor()).as("kill -TERM").isZero();
        }

        /** Waits for the end of the run and reads what it left behind. */
        Step await() throws Exception {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the action finished").isTrue();
            out.get(10, TimeUnit.SECONDS);
            String outputFile = readIfExists(Path.of(env.get("GITHUB_OUTPUT")));
            return new Step(process.exitValue(), stdout.toString(), err.get(), outputFile,
                    GithubOutput.parse(outputFile), readIfExists(Path.of(env.get("GITHUB_STEP_SUMMARY"))), workspace);
        }
    }

    private static void copy(InputStream in, StringBuffer to) {
        try (in) {
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
                String text = bytes.toString(StandardCharsets.UTF_8);
                int complete = text.lastIndexOf('\n') + 1;
                if (complete > 0) {
                    to.append(text, 0, complete);
                    bytes.reset();
                    bytes.write(text.substring(complete).getBytes(StandardCharsets.UTF_8));
                }
            }
            to.append(bytes.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void clearRunnerFiles() throws IOException {
        Files.deleteIfExists(Path.of(env.get("GITHUB_OUTPUT")));
        Files.deleteIfExists(Path.of(env.get("GITHUB_STEP_SUMMARY")));
    }

    String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true).start();
        String out = read(p.getInputStream());
        try {
            assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /**
     * What one run of the action left behind.
     *
     * @param outputFile the raw {@code GITHUB_OUTPUT} file; {@code outputs} as the runner parses it
     */
    record Step(int exitCode, String stdout, String stderr, String outputFile, Map<String, String> outputs,
                String summary, Path workspace) {

        /** The report file that the {@code report} output names, relative to the workspace. */
        String report() throws IOException {
            assertThat(outputs).containsKey("report");
            return Files.readString(workspace.resolve(outputs.get("report").replace('/', File.separatorChar)));
        }

        /** Everything the step printed and wrote, for a test to grep. */
        String everything() throws IOException {
            return stdout + stderr + outputFile + summary + (outputs.containsKey("report") ? report() : "");
        }
    }
}
