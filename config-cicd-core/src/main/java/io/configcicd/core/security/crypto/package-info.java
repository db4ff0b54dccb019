/**
 * Encrypted secrets: keys ({@link io.configcicd.core.security.crypto.SecretKeyMaterial},
 * {@link io.configcicd.core.security.crypto.KeyRing}, {@link io.configcicd.core.security.crypto.KeyLoader}), the
 * cipher ({@link io.configcicd.core.security.crypto.SecretCipher}), in-memory decryption of a tree
 * ({@link io.configcicd.core.security.crypto.Decryptor}), re-encryption of a document under a new key
 * ({@link io.configcicd.core.security.crypto.Rekey}) and keyed fingerprints for diffs
 * ({@link io.configcicd.core.security.crypto.SecretFingerprint}).
 *
 * <h2>The {@code ENC[...]} format</h2>
 *
 * <pre>
 * ENC[AES256_GCM,kid:&lt;key id&gt;,iv:&lt;nonce&gt;,data:&lt;ciphertext and tag&gt;]
 * ENC[AES256_GCM,kid:3f9a0c12,iv:q83vEjRWeJCrze8S,data:3KcAd2q0KmvVq1T6Oa3m9M8s7KQ8Xw==]
 * </pre>
 *
 * <ul>
 *   <li>{@code AES256_GCM}: the algorithm, AES-256 in GCM mode with a 128-bit tag; the only one so far.</li>
 *   <li>{@code kid}: the key id, 8 lower-case hex digits, the start of SHA-256 of the 32 key bytes. It says which
 *       key decrypts the value without revealing the key.</li>
 *   <li>{@code iv}: the 12-byte nonce, fresh from {@link java.security.SecureRandom} for every encryption, in
 *       standard base64 (16 characters, no padding needed).</li>
 *   <li>{@code data}: the ciphertext followed by the 16-byte GCM tag, standard base64 with padding.</li>
 * </ul>
 *
 * <p>The header {@code AES256_GCM,kid:<key id>} is bound as GCM additional authenticated data, so a value whose
 * key id was edited does not decrypt. The plaintext is the UTF-8 encoding of the secret. The text is one line
 * without spaces; its characters are {@code A-Z a-z 0-9 + / = , : [ ]}. In a YAML block mapping it is a valid plain
 * scalar ({@code password: ENC[...]}); inside a YAML flow collection, and in JSON and TOML, it is written as a
 * quoted string (the editors do that by themselves). Anything that starts with {@code ENC[} and ends with
 * {@code ]} is taken for an encrypted value; one that does not follow the format is rejected as malformed.
 */
package io.configcicd.core.security.crypto;
