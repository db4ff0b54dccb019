/**
 * The health probes of {@code monitor}: {@code http} ({@link io.configcicd.core.deploy.probe.HttpProbe}: status, a
 * JSON pointer's value), {@code prometheus} ({@link io.configcicd.core.deploy.probe.PrometheusProbe}: an instant
 * query of the HTTP API, every sample compared with a bound, as Argo Rollouts' and Flagger's analyses do) and
 * {@code command} ({@link io.configcicd.core.deploy.probe.CommandProbe}: exit 0 within a timeout), made by
 * {@link io.configcicd.core.deploy.probe.Probes#of}. Each answer is masked before it leaves a probe (parts masked
 * before they are cut, so a cut never shows part of a secret).
 *
 * <p>Threads: a probe waits on the caller's thread, polling in short slices so a cancellation ends the wait at once;
 * it starts no thread of its own. An http or prometheus probe owns one {@link java.net.http.HttpClient} (redirects
 * never followed) whose selector thread and default worker pool are the JDK's; {@code close()} drops the client
 * (it is {@code AutoCloseable} only from Java 21) and the JDK ends those threads once it is unreachable.
 *
 * <p>Uses {@code repo} (the probe settings), {@code security} (the masker) and {@code event} (cancellation), and
 * Jackson for JSON bodies; must not import {@code deploy}, {@code store}, {@code report} or {@code api}.
 */
package io.configcicd.core.deploy.probe;
