package io.configcicd.cli;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second writer for concurrency tests, run in its own JVM: {@code set} of one value in a loop, through the CLI's
 * own entry point, until a stop file appears. Prints how many sets ran and how many succeeded.
 *
 * <p>Arguments: the configuration directory, the stop file, the environment, the path.
 */
public final class SetLoop {

    private SetLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Map<String, String> env = Map.of("CONFIG_CICD_USER", "loop");
        int runs = 0;
        int ok = 0;
        while (!Files.exists(stop)) {
            runs++;
            int code = ConfigCicdCli.run(quiet, quiet, env, "--config-dir", config.toString(), "set", "--scope",
                    "global", "--name", args[2], "--path", args[3], "--value", Integer.toString(100 + runs % 800),
                    "--no-validate");
            if (code == 0) {
                ok++;
            }
        }
        System.out.println(runs + " " + ok);
    }
}
