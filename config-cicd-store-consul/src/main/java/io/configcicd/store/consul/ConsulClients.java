package io.configcicd.store.consul;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.kiwiproject.consul.Consul;

/**
 * The two clients of one consul store, on one OkHttp connection pool and one TLS setup: consul-client for reads and
 * {@code test-stores}, and a plain OkHttp client for {@code /v1/txn} (consul-client throws a rolled-back
 * transaction's 409 as an exception with its {@code Errors} only in the message, ARCHITECTURE 7). The token goes in
 * the {@code X-Consul-Token} header ({@code withTokenAuth}), never in a URL. Opening does not connect.
 */
record ConsulClients(Consul consul, OkHttpClient http, ConnectionPool pool) {

    static ConsulClients open(ConsulSettings settings) {
        ConnectionPool pool = new ConnectionPool(2, 1, TimeUnit.MINUTES);
        long timeout = settings.timeout().toMillis();
        Consul.Builder consul = Consul.builder().withUrl(settings.url().toString()).withPing(false)
                .withConnectionPool(pool).withConnectTimeoutMillis(timeout).withReadTimeoutMillis(timeout)
                .withWriteTimeoutMillis(timeout);
        settings.token().ifPresent(consul::withTokenAuth);
        OkHttpClient.Builder http = new OkHttpClient.Builder().connectionPool(pool).retryOnConnectionFailure(false)
                .connectTimeout(timeout, TimeUnit.MILLISECONDS).readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS);
        if (settings.caFile().isPresent()) {
            X509TrustManager trust = trustManager(settings);
            SSLContext ssl = sslContext(settings, trust);
            consul.withSslContext(ssl).withTrustManager(trust);
            http.sslSocketFactory(ssl.getSocketFactory(), trust);
        }
        return new ConsulClients(consul.build(), http.build(), pool);
    }

    /** Ends connections and the clients' own executors; never throws. */
    void close() {
        try {
            consul.destroy();
        } finally {
            http.dispatcher().executorService().shutdownNow();
            pool.evictAll();
        }
    }

    private static X509TrustManager trustManager(ConsulSettings settings) {
        try (InputStream in = Files.newInputStream(settings.caFile().orElseThrow())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw ConsulSettings.bad(settings.target(), "ca_file holds no certificate",
                        "give a PEM file with the CA certificate of the consul servers");
            }
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (TrustManager m : f.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509 trust manager in this JDK");
        } catch (IOException | GeneralSecurityException e) {
            throw ConfigCicdException.badInput("target " + settings.target() + ": cannot read ca_file "
                    + settings.caFile().orElseThrow().getFileName() + " as PEM certificates",
                    "give a PEM file with the CA certificate of the consul servers");
        }
    }

    private static SSLContext sslContext(ConsulSettings settings, X509TrustManager trust) {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {trust}, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available for target " + settings.target(), e);
        }
    }
}
