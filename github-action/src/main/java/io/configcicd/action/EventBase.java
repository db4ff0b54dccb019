package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base an assessment compares against, as the triggering event gives it: a pull request's base commit
 * ({@code pull_request.base.sha}), a merge queue group's ({@code merge_group.base_sha}), the commit a push moved
 * the branch from ({@code before}; a push that created the branch has none); otherwise the first parent of the head.
 *
 * @param revision the base commit; empty for the head's first parent
 * @param source   where it came from, for the log
 */
record EventBase(Optional<String> revision, String source) {

    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";

    /** The first parent of the head, with the reason it is used. */
    static EventBase firstParent(String why) {
        return new EventBase(Optional.empty(), why);
    }

    /**
     * Reads the event payload of the run.
     *
     * @throws ConfigCicdException bad input when the payload exists but is not JSON
     */
    static EventBase of(RunnerContext runner) {
        String name = runner.eventName();
        if (runner.eventPath().isEmpty()) {
            return firstParent("first parent of the head (no event payload)");
        }
        JsonNode event = read(runner.eventPath().get());
        return switch (name) {
            case "pull_request", "pull_request_target" ->
                    from(text(event, "/pull_request/base/sha"), "base of the pull request (" + name + " event)");
            case "merge_group" -> from(text(event, "/merge_group/base_sha"), "base of the merge group");
            case "push" -> text(event, "/before").filter(b -> !b.equals(NO_COMMIT))
                    .map(b -> new EventBase(Optional.of(b), "commit before the push"))
                    .orElseGet(() -> firstParent("first parent of the head (the push created the branch)"));
            default -> firstParent("first parent of the head (" + (name.isEmpty() ? "no" : name) + " event)");
        };
    }

    private static EventBase from(Optional<String> sha, String source) {
        return sha.map(s -> new EventBase(Optional.of(s), source))
                .orElseGet(() -> firstParent("first parent of the head (the event names no base)"));
    }

    private static Optional<String> text(JsonNode event, String pointer) {
        JsonNode n = event.at(pointer);
        return n.isString() && !n.asString().isBlank() ? Optional.of(n.asString().trim()) : Optional.empty();
    }

    static JsonNode read(Path file) {
        try {
            return JsonMapper.shared().readTree(file.toFile());
        } catch (JacksonException e) {
            throw ConfigCicdException.badInput("GITHUB_EVENT_PATH " + file + " is not a readable JSON event payload: "
                    + e.getOriginalMessage(), "give the base input explicitly, or run on a GitHub runner");
        }
    }
}
