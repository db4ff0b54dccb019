/**
 * The health probes of {@code monitor}: {@code http} (status, a JSON pointer's value), {@code prometheus} (an instant
 * query of the HTTP API, compared with a bound, as Argo Rollouts' and Flagger's analyses do) and {@code command}
 * (exit 0 within a timeout). Each answer is masked before it leaves a probe. Uses {@code repo} (the probe settings),
 * {@code security} (the masker) and {@code event} (cancellation); must not import {@code deploy}, {@code store},
 * {@code report} or {@code api}.
 */
package io.configcicd.core.deploy.probe;
