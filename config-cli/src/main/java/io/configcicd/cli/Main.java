package io.configcicd.cli;

import java.util.Optional;

/**
 * The entry point of {@code config-cicd.jar}. A command line that {@link SchemaFastPath} understands
 * ({@code validate --schema S FILE...} with simple options) runs without picocli, whose start-up is a large part of
 * a short run; every other command line goes to {@link ConfigCicdCli}, which parses it with picocli. Both give the
 * same output and exit code for the same command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Optional<SchemaValidation> fast = SchemaFastPath.parse(args);
        int code = fast.isPresent()
                ? SchemaFastPath.run(fast.get(), System.out, System.err)
                : ConfigCicdCli.run(System.out, System.err, args);
        System.exit(code);
    }

    /** The version in the jar's manifest ({@code Implementation-Version}), or "dev" when running from classes. */
    static String toolVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
