package io.configcicd.core.event;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request from the front end to stop a long operation ({@code monitor}) at its next safe point: a cancelled CI job's
 * SIGTERM, a Maven build stopped, an agent shutting down. The operation waits on it instead of sleeping, so it wakes at
 * once; it decides itself what stopping means (monitor stops probing, does not roll back, and journals it).
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile String reason = "";

    /** A cancellation nobody cancels: for library callers that run an operation to its end. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Asks the operation to stop; the first reason given is kept ({@code "SIGTERM"}). */
    public void cancel(String why) {
        Objects.requireNonNull(why, "why");
        synchronized (this) {
            if (cancelled.getCount() > 0) {
                reason = why;
                cancelled.countDown();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Why it was cancelled; empty while it was not. */
    public String reason() {
        return reason;
    }

    /**
     * Waits up to {@code d}, returning early when cancelled; an interrupt of the waiting thread counts as a
     * cancellation. @return whether it was cancelled
     */
    public boolean await(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return isCancelled();
        }
        try {
            return cancelled.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel("interrupted");
            return true;
        }
    }
}
