package io.configcicd.action;

/**
 * The entry point of {@code config-cicd-action.jar}, which the action's Docker image runs (ARCHITECTURE 5): it reads
 * the runner's {@code GITHUB_*} and {@code INPUT_*} variables, runs one command through the core facades and exits
 * with the CLI's codes (0 success, 1 findings or risk at or above {@code fail_on}, 2 bad input, 3 an external
 * system failed, 4 access denied).
 */
public final class ActionMain {

    private ActionMain() {
    }

    public static void main(String[] args) {
        System.exit(new ActionRunner(System.getenv(), toolVersion()).run(System.out, System.err));
    }

    /** The version in the jar's manifest ({@code Implementation-Version}), or "dev" when running from classes. */
    static String toolVersion() {
        String v = ActionMain.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
