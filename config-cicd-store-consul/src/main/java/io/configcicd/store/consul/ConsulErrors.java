package io.configcicd.store.consul;

import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.kiwiproject.consul.ConsulException;

/**
 * The one place where consul-client's and OkHttp's failures become {@link StoreException}s: a reason, a message
 * that says what was being done and whether something may have been written, and a hint. No SDK exception leaves
 * the module, not even as a cause (the cause kept is a plain {@link IOException} naming the class), and no message
 * carries the token (it travels in a header, never in a URL) or a value (Consul's error texts name keys at most).
 */
final class ConsulErrors {

    private static final int MAX_TEXT = 200;

    private ConsulErrors() {
    }

    /** A failure of a consul-client or OkHttp call while {@code doing} ("reading the prefix"). */
    static StoreException translate(String target, String url, String doing, RuntimeException e) {
        if (e instanceof StoreException s) {
            return s;
        }
        if (e instanceof ConsulException c) {
            Throwable cause = c.getCause();
            if (!c.hasCode() && cause instanceof IOException io) {
                return io(target, url, doing, io);
            }
            return status(target, url, doing, c.hasCode() ? c.getCode() : 0, c.getMessage());
        }
        return new StoreException(Reason.UNAVAILABLE, target, "consul at " + url + " failed while " + doing + ": "
                + e.getClass().getSimpleName(), "check the consul target's url and the agent's log", plain(e));
    }

    /** An HTTP answer other than success: 403 is the ACL token, 5xx the cluster, "No cluster leader" an election. */
    static StoreException status(String target, String url, String doing, int code, String body) {
        String text = short_(body);
        if (code == 403 || code == 401) {
            return new StoreException(Reason.UNAUTHORIZED, target, "consul at " + url + " refused the ACL token while "
                    + doing + " (HTTP " + code + (text.isEmpty() ? "" : ": " + text) + ")",
                    "give the consul target a token (token: ${CONSUL_TOKEN}) whose policy allows read and write on"
                            + " the prefix and on the record key");
        }
        if (text.toLowerCase(Locale.ROOT).contains("no cluster leader")) {
            return new StoreException(Reason.UNAVAILABLE, target, "consul at " + url + " has no cluster leader ("
                    + doing + ")", "wait for the servers to elect a leader (consul operator raft list-peers), then"
                    + " deploy again");
        }
        if (code == 413) {
            return new StoreException(Reason.TOO_LARGE, target, "consul at " + url + " refused a request as too large"
                    + " while " + doing + " (HTTP 413" + (text.isEmpty() ? "" : ": " + text) + ")",
                    "lower max_txn_ops or max_txn_bytes of the target to the servers' max_txn_ops and txn_max_req_len");
        }
        return new StoreException(Reason.UNAVAILABLE, target, "consul at " + url + " answered HTTP " + code + " while "
                + doing + (text.isEmpty() ? "" : ": " + text), "check the consul agent's log; deploy again once it"
                + " answers");
    }

    static StoreException io(String target, String url, String doing, IOException e) {
        String problem;
        String hint;
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            problem = "cannot reach consul at " + url + " while " + doing;
            hint = "check the consul target's url and that the agent is running";
        } else if (e instanceof SSLException) {
            problem = "TLS with consul at " + url + " failed while " + doing + " (certificate not trusted?)";
            hint = "give the CA of the consul servers as ca_file: (a PEM file)";
        } else if (e instanceof InterruptedIOException) {
            problem = "consul at " + url + " did not answer in time while " + doing;
            hint = "check the agent's load, or raise timeout: of the target";
        } else {
            problem = "the connection to consul at " + url + " failed while " + doing;
            hint = "check the network to the consul agent; deploy again";
        }
        return new StoreException(Reason.UNAVAILABLE, target, problem, hint, plain(e));
    }

    /** The errors of a transaction Consul rolled back (409): which operation, why. */
    static String describe(List<ConsulTxn.TxnError> errors, List<ConsulTxn.Op> ops) {
        StringBuilder out = new StringBuilder();
        for (ConsulTxn.TxnError err : errors) {
            out.append(out.length() == 0 ? "" : "; ");
            String key = err.opIndex() >= 0 && err.opIndex() < ops.size() ? ops.get(err.opIndex()).describe() : "op "
                    + err.opIndex();
            out.append(key).append(": ").append(short_(err.what()));
        }
        return out.toString();
    }

    static boolean permissionDenied(List<ConsulTxn.TxnError> errors) {
        return errors.stream().anyMatch(e -> e.what().toLowerCase(Locale.ROOT).contains("permission denied"));
    }

    private static String short_(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT) + "..." : line;
    }

    /** A cause that is no SDK type: the class name and nothing else. */
    private static IOException plain(Throwable e) {
        return new IOException(e.getClass().getName());
    }
}
