package io.configcicd.store.appconfig;

import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.TargetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Targets and stores of the tests, pointed at an {@link AppConfigDouble} with test credentials. */
final class AppConfigTargets {

    static final String APPLICATION = "kgot";
    static final String ENVIRONMENT = "production";
    static final String PROFILE = "config";

    static {
        // the SDK's default chain reads these system properties first; the double ignores the signature
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
    }

    private AppConfigTargets() {
    }

    static TargetSpec spec(AppConfigDouble appconfig, Map<String, String> extra) {
        return spec(appconfig, Layout.DOCUMENT, DocumentFormat.JSON, extra);
    }

    static TargetSpec spec(AppConfigDouble appconfig, Layout layout, DocumentFormat format, Map<String, String> extra) {
        TreeMap<String, String> options = new TreeMap<>(Map.of("application", APPLICATION, "environment", ENVIRONMENT,
                "profile", PROFILE, "region", "us-east-1", "endpoint", appconfig.endpoint().toString(),
                "create", "true", "poll_interval", "1m"));
        options.putAll(extra);
        return new TargetSpec("appcfg", AppConfigStoreProvider.TYPE, ENVIRONMENT, layout, SecretsMode.REFERENCE, format,
                AppConfigStoreProvider.HOSTED_LIMIT_BYTES, options);
    }

    /** A store whose waits move the test clock instead of sleeping; its progress lines go to {@code progress}. */
    static AppConfigStore open(TargetSpec spec, TestClock clock, List<String> progress) {
        return AppConfigStoreProvider.open(spec, new StoreContext(clock, Path.of(".")), clock::advance, progress::add);
    }

    static AppConfigStore open(AppConfigDouble appconfig, TestClock clock, Map<String, String> extra) {
        return open(spec(appconfig, extra), clock, Collections.synchronizedList(new ArrayList<>()));
    }
}
