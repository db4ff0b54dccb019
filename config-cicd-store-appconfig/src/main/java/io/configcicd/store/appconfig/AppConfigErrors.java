package io.configcicd.store.appconfig;

import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreException.Reason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one translation of the AWS SDK's exceptions into {@link StoreException}s with a reason and a hint. No SDK type
 * leaves: the cause attached is a plain {@link RuntimeException} carrying the original's class name and message.
 * AWS' messages name resources and operations, never configuration content (the store never sends content in
 * anything but the hosted version's body).
 */
final class AppConfigErrors {

    /** What a failed call leaves behind, for messages that do not say more. */
    static final String NOTHING_CHANGED = "consumers still get the configuration deployed before";

    private AppConfigErrors() {
    }

    static StoreException translate(AppConfigSettings s, String doing, SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service(s, doing, service);
        }
        String why = e instanceof SdkClientException ? "cannot reach AppConfig" : "the AWS SDK failed";
        return new StoreException(Reason.UNAVAILABLE, s.target(), why + " while " + doing + " (" + firstLine(e)
                + "); " + NOTHING_CHANGED, "check region:" + s.region().map(r -> " (now " + r + ")").orElse("")
                + (s.endpoint().isPresent() ? ", endpoint:" : "") + ", the network, and that credentials are found"
                + " (AWS_ACCESS_KEY_ID, AWS_PROFILE, or web identity for GitHub OIDC)", detached(e));
    }

    private static StoreException service(AppConfigSettings s, String doing, AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        String says = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? firstLine(e)
                : e.awsErrorDetails().errorMessage();
        String what = "AppConfig answered " + e.statusCode() + (code.isEmpty() ? "" : " " + code) + " while " + doing
                + " (" + oneLine(says) + ")";
        int status = e.statusCode();
        if (status == 401 || status == 403 || code.contains("AccessDenied") || code.contains("Unrecognized")
                || code.contains("InvalidClientTokenId") || code.contains("ExpiredToken")
                || code.contains("SignatureDoesNotMatch")) {
            return new StoreException(Reason.UNAUTHORIZED, s.target(), what + "; " + NOTHING_CHANGED,
                    "give the role or user appconfig:* on the application (and sts:GetCallerIdentity), and check the"
                            + " credentials the default chain finds", detached(e));
        }
        if (status == 404 || code.equals("ResourceNotFoundException")) {
            return new StoreException(Reason.NOT_FOUND, s.target(), what + "; " + NOTHING_CHANGED,
                    "check " + s.where() + " in the AWS console, or set create: true to create missing ones",
                    detached(e));
        }
        if (status == 409 || code.equals("ConflictException")) {
            return new StoreException(Reason.CONFLICT, s.target(), what,
                    "another deploy changed the profile or runs a deployment in environment " + s.environment()
                            + "; wait for it (AppConfig runs one deployment per environment) and deploy again",
                    detached(e));
        }
        if (status == 413 || code.equals("PayloadTooLargeException") || code.equals("ServiceQuotaExceededException")) {
            return new StoreException(Reason.TOO_LARGE, s.target(), what + "; " + NOTHING_CHANGED,
                    "make the configuration smaller (hosted configurations hold at most 1 MB), or delete old hosted"
                            + " versions when the quota of versions is reached", detached(e));
        }
        return new StoreException(Reason.UNAVAILABLE, s.target(), what + "; " + NOTHING_CHANGED,
                "retry the deploy; if it keeps failing, check AWS Health for AppConfig in the region", detached(e));
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : oneLine(m);
    }

    private static String oneLine(String m) {
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    /** The exception's chain as plain runtime exceptions: class names and messages kept, no SDK type. */
    static RuntimeException detached(Throwable e) {
        RuntimeException cause = e.getCause() == null || e.getCause() == e ? null : detached(e.getCause());
        RuntimeException out = new RuntimeException(e.getClass().getName() + ": "
                + OutputMasker.urlPasswordsOnly().mask(String.valueOf(e.getMessage())), cause);
        out.setStackTrace(e.getStackTrace());
        return out;
    }
}
