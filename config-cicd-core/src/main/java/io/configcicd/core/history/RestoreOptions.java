package io.configcicd.core.history;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link FileRestore} rolls back.
 *
 * @param force       write even when the restored configuration has findings at or above the threshold
 * @param commit      in a git work tree, commit the restored files (false: leave them uncommitted)
 * @param authorName  the commit's author (the principal who rolls back); empty: the repository's {@code user.name}
 * @param authorEmail the author's e-mail; empty: the repository's {@code user.email}
 * @param clock       the time of the backup and the commit, and the day waivers are checked against
 */
public record RestoreOptions(boolean force, boolean commit, Optional<String> authorName, Optional<String> authorEmail,
                              Clock clock) {

    public RestoreOptions {
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(clock, "clock");
    }

    /** Not forced, committed, author from the repository's configuration, the system clock in UTC. */
    public static RestoreOptions defaults() {
        return new RestoreOptions(false, true, Optional.empty(), Optional.empty(), Clock.systemUTC());
    }

    public RestoreOptions withForce(boolean value) {
        return new RestoreOptions(value, commit, authorName, authorEmail, clock);
    }

    public RestoreOptions withCommit(boolean value) {
        return new RestoreOptions(force, value, authorName, authorEmail, clock);
    }

    public RestoreOptions withAuthor(String name, String email) {
        return new RestoreOptions(force, commit, Optional.of(name), Optional.of(email), clock);
    }

    public RestoreOptions withClock(Clock value) {
        return new RestoreOptions(force, commit, authorName, authorEmail, value);
    }
}
