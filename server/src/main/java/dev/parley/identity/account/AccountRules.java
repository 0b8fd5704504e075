package dev.parley.identity.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.identity.IdentityProblem;
import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * What an account's fields must look like: a normalised e-mail, a display name without
 * control characters, and a password that is long, mixed and not a well-known one.
 */
final class AccountRules {

	static final int PASSWORD_MIN_CHARS = 10;

	/** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
	static final int PASSWORD_MAX_BYTES = 72;

	static final int DISPLAY_NAME_MAX = 100;

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
			+ "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final Set<String> COMMON = Set.of("password123", "password1234", "password1!", "1234567890",
			"12345678910", "qwertyuiop", "qwerty1234", "qwerty123456", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsxcde3",
			"abc1234567", "a123456789", "123456789a", "iloveyou12", "welcome123", "letmein123", "passw0rd12",
			"p@ssw0rd12", "p@ssword123", "changeme12", "changeme123", "admin12345", "admin123456", "administrator",
			"administrator1", "parley12345", "football12", "baseball12", "sunshine12", "princess12", "superman12",
			"qwerty123!", "password12", "passw0rd123", "woaini1314", "woaini520", "5201314520", "aa123456789");

	private AccountRules() {
	}

	/** The e-mail trimmed and lower-cased, or an INVALID_REQUEST naming the field. */
	static String email(String raw) {
		String email = (raw != null) ? raw.strip().toLowerCase(Locale.ROOT) : "";
		if (email.isEmpty()) {
			throw ProblemException.invalid("email", "is required");
		}
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw ProblemException.invalid("email", "is not a valid e-mail address");
		}
		return email;
	}

	/** The name trimmed; {@code fallback} when absent. */
	static String displayName(String raw, String fallback) {
		if (raw == null) {
			return fallback;
		}
		String name = raw.strip();
		if (name.isEmpty()) {
			throw ProblemException.invalid("display_name", "must not be blank");
		}
		if (name.codePointCount(0, name.length()) > DISPLAY_NAME_MAX) {
			throw ProblemException.invalid("display_name", "must be at most " + DISPLAY_NAME_MAX + " characters");
		}
		if (CONTROL.matcher(name).find()) {
			throw ProblemException.invalid("display_name", "must not contain control characters");
		}
		return name;
	}

	/** Rejects a weak password with WEAK_PASSWORD listing every rule it breaks. */
	static void password(String field, String password, String email) {
		if (password == null || password.isEmpty()) {
			throw ProblemException.invalid(field, "is required");
		}
		List<String> broken = new ArrayList<>();
		if (password.codePointCount(0, password.length()) < PASSWORD_MIN_CHARS) {
			broken.add("must be at least " + PASSWORD_MIN_CHARS + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
			broken.add("must be at most " + PASSWORD_MAX_BYTES + " bytes in UTF-8");
		}
		if (classes(password) < 2) {
			broken.add("must mix at least two of: lower-case letters, upper-case letters, digits, other characters");
		}
		if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
			broken.add("is a well-known password");
		}
		String local = (email != null) ? email.substring(0, Math.max(0, email.indexOf('@'))) : "";
		if (local.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(local)) {
			broken.add("must not contain your e-mail address");
		}
		if (!broken.isEmpty()) {
			throw new ProblemException(IdentityProblem.WEAK_PASSWORD, field + " " + String.join("; ", broken),
					broken.stream().map((message) -> new FieldProblem(field, message)).toList());
		}
	}

	private static int classes(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

}
