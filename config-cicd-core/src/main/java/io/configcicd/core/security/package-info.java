/**
 * Masking: {@code OutputMasker} (every secret of a run in every encoding, URL passwords by shape) and the streams
 * that apply it, {@code SecretMasker} (which keys are secret), {@code SecretInventory} (the real values behind a
 * directory's secrets, for the masker).
 *
 * <p>Must import only {@code model}, {@code repo} and {@code security.crypto}; never {@code source} or above.
 */
package io.configcicd.core.security;
