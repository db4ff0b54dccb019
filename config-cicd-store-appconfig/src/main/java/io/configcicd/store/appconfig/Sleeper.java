package io.configcicd.store.appconfig;

import java.time.Duration;

/**
 * How the store waits between two polls of a running deployment, on the caller's thread (no thread of its own).
 * Tests replace it with one that moves a test clock forward instead of sleeping.
 */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
