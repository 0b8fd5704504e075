package dev.parley.provider.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts providers' API keys with AES-256-GCM under the master key: a random 12-byte
 * nonce per key, the provider id as associated data (a key copied to another provider's
 * row does not decrypt), stored as {@code v1:} + base64(nonce || ciphertext || tag).
 * During a rotation it also reads keys sealed under the previous master key, and
 * {@link MasterKeyRotation} re-seals them under the current one. Thread-safe.
 */
public final class KeyCipher {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecretKey previous;

	private final SecureRandom random = new SecureRandom();

	public KeyCipher(SecretKey key) {
		this(key, null);
	}

	/**
	 * A cipher sealing under the current master key.
	 * @param previous the master key before a rotation, read but never written; null when
	 * no rotation is under way
	 */
	public KeyCipher(SecretKey key, SecretKey previous) {
		this.key = key;
		this.previous = previous;
	}

	/** Whether a previous master key is configured (a rotation is under way). */
	public boolean rotating() {
		return this.previous != null;
	}

	/** The stored form of {@code plaintext}, bound to {@code providerId}. */
	public String encrypt(String providerId, String plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(providerId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The plaintext of a stored key.
	 * @throws UnreadableKeyException when it was encrypted with another master key, for
	 * another provider, or was altered
	 */
	public String decrypt(String providerId, String stored) {
		try {
			return open(this.key, providerId, stored);
		}
		catch (UnreadableKeyException ex) {
			if (this.previous == null) {
				throw ex;
			}
			return open(this.previous, providerId, stored);
		}
	}

	/**
	 * Whether a stored key is sealed under the previous master key only (a rotation has
	 * yet to re-seal it).
	 */
	public boolean underPreviousKey(String providerId, String stored) {
		if (this.previous == null || readableWith(this.key, providerId, stored)) {
			return false;
		}
		return readableWith(this.previous, providerId, stored);
	}

	private static boolean readableWith(SecretKey key, String providerId, String stored) {
		try {
			open(key, providerId, stored);
			return true;
		}
		catch (UnreadableKeyException ex) {
			return false;
		}
	}

	private static String open(SecretKey key, String providerId, String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			throw new UnreadableKeyException("unknown format");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableKeyException("not base64");
		}
		if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new UnreadableKeyException("too short");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(providerId.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new UnreadableKeyException("authentication failed (another master key, or altered)");
		}
	}

	/** Whether a stored key decrypts. */
	public boolean readable(String providerId, String stored) {
		try {
			decrypt(providerId, stored);
			return true;
		}
		catch (UnreadableKeyException ex) {
			return false;
		}
	}

	/**
	 * The last four characters of a key for display ({@code ...a1b2}); short keys show
	 * none.
	 */
	public static String hint(String key) {
		return (key.length() >= 8) ? "..." + key.substring(key.length() - 4) : "...";
	}

	/** A stored key that cannot be decrypted; the message never holds key material. */
	public static final class UnreadableKeyException extends RuntimeException {

		UnreadableKeyException(String why) {
			super(why);
		}

	}

}
