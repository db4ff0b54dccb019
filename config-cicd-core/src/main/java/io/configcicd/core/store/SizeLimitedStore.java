package io.configcicd.core.store;

import java.util.List;

/**
 * A decorator that refuses content above a target's {@code max_bytes} with {@link StoreException.Reason#TOO_LARGE}
 * before the store is asked to write anything. It shows the shape of every cross-cutting concern around a store
 * (size limits, metrics, auditing), as spring-cloud-config wraps its {@code EnvironmentRepository}: the concern
 * in one class, every store unchanged.
 */
public final class SizeLimitedStore implements ConfigStore {

    private final ConfigStore delegate;
    private final long maxBytes;

    public SizeLimitedStore(ConfigStore delegate, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.delegate = delegate;
        this.maxBytes = maxBytes;
    }

    @Override
    public TargetSpec spec() {
        return delegate.spec();
    }

    @Override
    public StoreState read() {
        return delegate.read();
    }

    /** Refuses content above {@code max_bytes} at plan time too, then asks the store. */
    @Override
    public List<String> planNotes(StoreState live, StoreState desired) {
        checkSize(desired);
        return delegate.planNotes(live, desired);
    }

    @Override
    public void apply(StoreState desired, StoreState expected) {
        checkSize(desired);
        delegate.apply(desired, expected);
    }

    private void checkSize(StoreState desired) {
        long size = desired.content().sizeBytes();
        if (size > maxBytes) {
            throw new StoreException(StoreException.Reason.TOO_LARGE, spec().name(), "the configuration is " + size
                    + " bytes, above the target's limit of " + maxBytes + " bytes; nothing was written",
                    "raise max_bytes of the target (up to the store's own limit) or make the configuration smaller");
        }
    }

    @Override
    public Verification verify(StoreState desired) {
        return delegate.verify(desired);
    }

    @Override
    public StoreCheck check() {
        return delegate.check();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
