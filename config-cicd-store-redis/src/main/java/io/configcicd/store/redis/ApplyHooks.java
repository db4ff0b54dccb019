package io.configcicd.store.redis;

/**
 * Test seams of {@link RedisStore#apply}: called after the staging key is complete and before the live key is
 * watched, and after the check-and-set read and before {@code EXEC}. The provider passes {@link #NONE}; fault
 * tests kill the server or write the live key there, with no sleeps.
 */
interface ApplyHooks {

    ApplyHooks NONE = new ApplyHooks() {
    };

    /** The staging key holds the complete new content; nothing live has changed. */
    default void afterStaging(String stagingKey) {
    }

    /** The live key and its record were read under {@code WATCH} and match what the caller expected. */
    default void beforeSwitch() {
    }
}
