package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/** The stores of several targets, opened together and closed together; their states read on the given executor. */
final class OpenTargets implements AutoCloseable {

    private final Map<String, ConfigStore> stores = new LinkedHashMap<>();

    /** @param progress receives (target, line) for what each target's store reports while it works */
    static OpenTargets open(List<TargetSpec> specs, Map<String, String> env, StoreProviders providers,
                            StoreContext context, BiConsumer<String, String> progress) {
        OpenTargets out = new OpenTargets();
        try {
            for (TargetSpec spec : specs) {
                StoreContext own = context.withProgress(line -> progress.accept(spec.name(), line));
                out.stores.put(spec.name(), providers.open(DesiredContent.withResolvedOptions(spec, env), own));
            }
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    ConfigStore store(String target) {
        return stores.get(target);
    }

    /**
     * Every target's live state, read in parallel on {@code executor} (the caller's; a direct executor reads them
     * one after another). A failed read fails the whole run before anything is written.
     */
    Map<String, StoreState> readAll(Executor executor) {
        List<CompletableFuture<StoreState>> reads = new ArrayList<>();
        stores.values().forEach(s -> reads.add(CompletableFuture.supplyAsync(s::read, executor)));
        Map<String, StoreState> out = new LinkedHashMap<>();
        int i = 0;
        for (String name : stores.keySet()) {
            try {
                out.put(name, reads.get(i++).join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof ConfigCicdException c) {
                    throw c;
                }
                throw e;
            }
        }
        return out;
    }

    @Override
    public void close() {
        stores.values().forEach(ConfigStore::close);
    }
}
