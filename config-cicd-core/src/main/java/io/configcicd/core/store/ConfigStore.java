package io.configcicd.core.store;

import java.util.List;

/**
 * One deploy target's store, opened for one environment (ARCHITECTURE 3a): the SPI every backend implements
 * ({@code file} in the core; redis, consul, kubernetes-configmap and aws-appconfig in their own modules). The
 * deploy engine keeps the steps apart, as Argo CD's gitops-engine does: {@link #read()} the live state, plan
 * against it (the engine's work, from {@link StoreContent}), {@link #apply} with check-and-set against the state
 * it read, {@link #verify} by reading back, and restore by applying the state it read before.
 *
 * <p>Rules for implementations (the abstract {@code ConfigStoreContract} test in core's test-jar checks them):
 * <ul>
 *   <li>Failures are {@link StoreException}s with a reason; no message carries a configuration value or a
 *       password; no SDK type leaves the implementation, as a return value or as an exception.</li>
 *   <li>{@code apply} writes nothing when the target no longer holds {@code expected} (content hash and record),
 *       and throws {@link StoreException.Reason#CONFLICT}; readers of the store see the old or the new content,
 *       never a mix, and the record is written with the content, never without it.</li>
 *   <li>No thread is started, nothing is printed; time comes from the {@code Clock} of the {@link StoreContext}.</li>
 * </ul>
 * Instances need not be thread safe: one deploy uses one instance.
 */
public interface ConfigStore extends AutoCloseable {

    /** The target this store was opened for. */
    TargetSpec spec();

    /** The content the target holds now and the record of the deploy that wrote it; empty for a new target. */
    StoreState read();

    /**
     * Writes {@code desired} (content and record) if the target still holds {@code expected}, the state the caller
     * read and planned against. Empty content removes the data, an absent record removes the record: applying a
     * previously read {@link StoreState#empty} state restores a target that did not exist.
     *
     * @throws StoreException CONFLICT when the target changed since {@code expected} (nothing written); any other
     *                        reason when the store failed (the target then holds {@code expected} or
     *                        {@code desired}, the message says which when the store cannot tell)
     */
    void apply(StoreState desired, StoreState expected);

    /**
     * Checks, at plan time, what {@link #apply} would write, and says what a reader of the plan should know about
     * how it will be written (for example that it takes several non-atomic transactions). The deploy engine calls it
     * for every target it would write, before anything is written and also for a dry run; it reads nothing new
     * (an implementation may use what its last {@link #read()} learnt). The notes hold no configuration value.
     *
     * @param live    the state the plan read (what {@link #read()} returned)
     * @param desired what the deploy would write (its record provisional: the time and id may still change)
     * @return notes for the plan, in order; empty when there is nothing to say
     * @throws StoreException          TOO_LARGE (or another reason) when the store cannot hold {@code desired}:
     *                                 the deploy is refused before anything is written
     * @throws io.configcicd.core.ConfigCicdException BAD_INPUT when the configuration cannot be written to this
     *                                 store as it is (a name the store rejects), naming the configuration path
     */
    default List<String> planNotes(StoreState live, StoreState desired) {
        return List.of();
    }

    /** Reads the target back and compares it with what {@link #apply} was given. */
    default Verification verify(StoreState desired) {
        return Verification.compare(desired, read());
    }

    /** Reachable, authenticated, can read, can write (a probe that leaves the data untouched), latency. */
    StoreCheck check();

    /** Releases connections; never throws a checked exception. */
    @Override
    void close();
}
