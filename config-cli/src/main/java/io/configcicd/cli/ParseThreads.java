package io.configcicd.cli;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CLI's one pool for parsing a configuration directory's documents in parallel (the core starts no thread of its
 * own; a front end passes one in). One per process, created on first use, of daemon threads: a CLI run is one process
 * and exits when its command returns, so the pool needs no shutdown, and a JVM that runs many command lines (the
 * tests) shares it instead of starting a pool per run.
 */
final class ParseThreads {

    private static volatile ExecutorService pool;

    private ParseThreads() {
    }

    /** The pool: as many threads as processors, at least two. */
    static Executor pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (ParseThreads.class) {
                p = pool;
                if (p == null) {
                    AtomicInteger n = new AtomicInteger();
                    p = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                        Thread t = new Thread(r, "config-cicd-parse-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }
}
