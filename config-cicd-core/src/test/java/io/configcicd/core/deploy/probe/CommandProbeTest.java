package io.configcicd.core.deploy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Cancellation;
import io.configcicd.core.repo.ProbeSpec;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandProbeTest {

    private static final String SECRET = "s3cr3t-smoke-password";

    @TempDir
    Path dir;

    private ProbeAnswer ask(ProbeSpec spec, Map<String, String> env, OutputMasker masker, Cancellation cancel) {
        try (Probe probe = Probes.of(spec, Specs.context(dir, env, masker))) {
            return probe.ask(cancel);
        }
    }

    private ProbeAnswer ask(String command) {
        return ask(Specs.command(command).build(), Map.of(), OutputMasker.urlPasswordsOnly(), Cancellation.none());
    }

    @Test
    void exitZeroIsHealthy() {
        ProbeAnswer a = ask("echo all good");

        assertThat(a.healthy()).isTrue();
        assertThat(a.answer()).isEqualTo("exit 0");
        assertThat(a.latency()).isPositive();
    }

    @Test
    void nonZeroExitIsUnhealthyAndQuotesTheLastLineOfStdoutOrStderr() {
        ProbeAnswer a = ask("echo checking; echo 'smoke failed: /orders 500' >&2; echo; exit 1");

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("exit 1: smoke failed: /orders 500");
    }

    @Test
    void longOutputKeepsItsTail() {
        ProbeAnswer a = ask("i=0; while [ $i -lt 3000 ]; do echo line $i; i=$((i+1)); done; echo the end; exit 7");

        assertThat(a.answer()).isEqualTo("exit 7: the end");
    }

    @Test
    void aCommandThatPrintsWithoutEndIsKilledBeforeItFillsTheDisk() {
        long t0 = System.nanoTime();
        ProbeAnswer a = ask(Specs.command("s=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;"
                + " while :; do echo $s$s$s$s$s$s$s$s$s$s; done").build(), Map.of(), OutputMasker.none(),
                Cancellation.none());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("killed: it wrote more than 8 MiB of output");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(30));
    }

    @Test
    void oneHugeLineShowsItsEnd() {
        ProbeAnswer a = ask("i=0; while [ $i -lt 500 ]; do printf 'abcdefghij'; i=$((i+1)); done; printf END; exit 2");

        assertThat(a.answer()).startsWith("exit 2: …").endsWith("hijEND").hasSizeLessThan(140);
    }

    @Test
    void timeoutKillsTheCommandItsChildAndGrandchild() throws Exception {
        ProbeSpec spec = Specs.command("sh -c 'sleep 30 & echo $! > grandchild.pid; wait' & echo $! > child.pid; wait")
                .timeout(Duration.ofSeconds(1)).build();

        long t0 = System.nanoTime();
        ProbeAnswer a = ask(spec, Map.of(), OutputMasker.none(), Cancellation.none());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("timed out after 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        for (String file : List.of("child.pid", "grandchild.pid")) {
            long pid = Long.parseLong(Files.readString(dir.resolve(file)).trim());
            assertThat(gone(pid)).as(file + " " + pid + " still running").isTrue();
        }
    }

    /** Whether the process has exited within a second (a zombie waiting for its reaper counts as gone). */
    private static boolean gone(long pid) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < until) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive() || zombie(pid)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void environmentIsExactlyTheContextsNothingInherited() throws IOException {
        assertThat(System.getenv()).containsKey("PATH");

        ProbeAnswer a = ask(Specs.command("/usr/bin/env > env.txt").build(), Map.of("GREETING", "hello world"),
                OutputMasker.none(), Cancellation.none());

        assertThat(a.healthy()).isTrue();
        List<String> vars = Files.readAllLines(dir.resolve("env.txt")).stream()
                .filter(l -> !l.startsWith("PWD=") && !l.startsWith("OLDPWD=") && !l.startsWith("SHLVL=")
                        && !l.startsWith("_="))
                .toList();
        assertThat(vars).containsExactly("GREETING=hello world");
    }

    @Test
    void runsInTheWorkingDirectory() throws IOException {
        Files.writeString(dir.resolve("marker.txt"), "here\n");

        ProbeAnswer a = ask("cat marker.txt; exit 3");

        assertThat(a.answer()).isEqualTo("exit 3: here");
    }

    @Test
    void stdinIsClosed() {
        ProbeAnswer a = ask("cat; echo read-eof; exit 4");

        assertThat(a.answer()).isEqualTo("exit 4: read-eof");
    }

    @Test
    void outputIsMasked() {
        ProbeAnswer a = ask(Specs.command("echo \"login with $SMOKE_PASSWORD refused\"; exit 1").build(),
                Map.of("SMOKE_PASSWORD", SECRET), OutputMasker.ofValues(List.of(SECRET)), Cancellation.none());

        assertThat(a.answer()).isEqualTo("exit 1: login with " + SecretMasker.MASK + " refused");
    }

    @Test
    void cancellationKillsTheCommandWellUnderASecond() {
        Cancellation cancel = new Cancellation();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> cancel.cancel("SIGTERM"));

        long t0 = System.nanoTime();
        ProbeAnswer a = ask(Specs.command("sleep 30").build(), Map.of(), OutputMasker.none(), cancel);

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void missingWorkingDirectoryIsAnUnhealthyAnswerNotAnException() {
        try (Probe probe = Probes.of(Specs.command("true").build(),
                Specs.context(dir.resolve("absent"), Map.of(), OutputMasker.none()))) {
            ProbeAnswer a = probe.ask(Cancellation.none());

            assertThat(a.healthy()).isFalse();
            assertThat(a.answer()).startsWith("cannot run the command");
        }
    }
}
