package io.configcicd.store.kubernetes;

import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreException.Reason;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The one translation of fabric8's exceptions into {@link StoreException}s with a reason and a hint. No fabric8
 * type leaves: the cause attached is a plain {@link RuntimeException} carrying the HTTP code and the status reason
 * only. The API server's status <em>message</em> is never shown, because a 422 names the offending field's value,
 * which may be configuration data.
 */
final class KubernetesErrors {

    static final int CONFLICT = 409;
    static final int NOT_FOUND = 404;

    private KubernetesErrors() {
    }

    /**
     * @param doing what the store was doing ("updating ConfigMap config-production in namespace apps")
     * @param state what the target holds now ("nothing was written")
     */
    static StoreException translate(KubernetesSettings s, String doing, String state, KubernetesClientException e) {
        int code = e.getCode();
        String says = says(e);
        return switch (code) {
            case 401 -> new StoreException(Reason.UNAUTHORIZED, s.target(), "the Kubernetes API refused the credentials"
                    + " while " + doing + " (" + says + "); " + state, "check the kubeconfig's user or the service"
                    + " account token (kubeconfig:, context: of the target, or KUBECONFIG)", detached(e));
            case 403 -> new StoreException(Reason.UNAUTHORIZED, s.target(), "the Kubernetes API forbids " + doing
                    + " (" + says + "); " + state, "grant the user get, create, update, list and delete on " + plural(s)
                    + " in the namespace (a Role and RoleBinding); test-stores shows which verb is missing", detached(e));
            case NOT_FOUND -> new StoreException(Reason.NOT_FOUND, s.target(), "not found while " + doing + " ("
                    + says + "); " + state, "create the namespace, or set namespace: of the target", detached(e));
            case CONFLICT -> StoreException.conflict(s.target(), "the Kubernetes API answered 409 while " + doing);
            case 422 -> new StoreException(Reason.TOO_LARGE, s.target(), "the Kubernetes API refused the object as"
                    + " invalid while " + doing + " (" + says + "); " + state, "a ConfigMap holds at most 1 MiB and"
                    + " valid keys; make the configuration smaller", detached(e));
            default -> new StoreException(Reason.UNAVAILABLE, s.target(), (code > 0 ? "the Kubernetes API answered "
                    + says : "cannot reach the Kubernetes API (" + rootCause(e) + ")") + " while " + doing + "; " + state,
                    "check the cluster is reachable from here (kubectl get " + plural(s) + " -n <namespace>), the"
                            + " kubeconfig and context", detached(e));
        };
    }

    /** The HTTP code and the status reason (Forbidden, NotFound, ...), never the status message. */
    static String says(KubernetesClientException e) {
        Status status = e.getStatus();
        String reason = status != null && status.getReason() != null ? " " + status.getReason() : "";
        return "HTTP " + e.getCode() + reason;
    }

    private static String plural(KubernetesSettings s) {
        return s.toSecret() ? "configmaps and secrets" : "configmaps";
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /** A cause that carries no fabric8 type and no server message. */
    private static RuntimeException detached(KubernetesClientException e) {
        RuntimeException plain = new RuntimeException(e.getClass().getName() + ": " + says(e));
        plain.setStackTrace(e.getStackTrace());
        return plain;
    }
}
