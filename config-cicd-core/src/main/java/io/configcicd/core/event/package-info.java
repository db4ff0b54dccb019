/**
 * Progress and findings of a running operation as values: the sealed {@link io.configcicd.core.event.Event} type and
 * the {@link io.configcicd.core.event.EventSink} a front end passes in to render them (terminal, Maven {@code Log},
 * workflow commands, the agent's status page), so that the core never writes to a console and every front end shows
 * the same steps.
 *
 * <p>Owns: the event types and sinks, and {@link io.configcicd.core.event.MaskSink} (the one channel that hands a
 * front end secret values, for a runner's own masking; never an event). Must not import {@code store},
 * {@code deploy}, {@code watch}, {@code runtime}, {@code report} or {@code api} (events sit below them, so every
 * layer above can emit them), nor any front end type.
 */
package io.configcicd.core.event;
