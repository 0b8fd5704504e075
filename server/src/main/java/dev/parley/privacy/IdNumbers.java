package dev.parley.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Checks that keep ordinary numbers unmasked: a Chinese resident ID needs a real province
 * code, a plausible birth date and (18 digits) a valid ISO 7064 MOD 11-2 check character;
 * a card number needs the Luhn check.
 */
final class IdNumbers {

	private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
			42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91);

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	private IdNumbers() {
	}

	static boolean isChineseResidentId(String id) {
		if (!PROVINCES.contains(Integer.parseInt(id, 0, 2, 10))) {
			return false;
		}
		if (id.length() == 15) {
			return plausibleBirthDate(1900 + Integer.parseInt(id, 6, 8, 10), id, 8);
		}
		if (id.length() != 18 || !plausibleBirthDate(Integer.parseInt(id, 6, 10, 10), id, 10)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		return Character.toUpperCase(id.charAt(17)) == CHECK_CHARACTERS.charAt(sum % 11);
	}

	private static boolean plausibleBirthDate(int year, String id, int monthAt) {
		try {
			LocalDate birth = LocalDate.of(year, Integer.parseInt(id, monthAt, monthAt + 2, 10),
					Integer.parseInt(id, monthAt + 2, monthAt + 4, 10));
			return year >= 1900 && !birth.isAfter(LocalDate.now(ZoneOffset.UTC));
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/** A 16 to 19 digit number (separators allowed) whose Luhn check digit is right. */
	static boolean isPaymentCard(String text) {
		int sum = 0;
		int digits = 0;
		for (int i = text.length() - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				continue;
			}
			int d = c - '0';
			if (digits % 2 == 1) {
				d = (d * 2 > 9) ? d * 2 - 9 : d * 2;
			}
			sum += d;
			digits++;
		}
		return digits >= 16 && digits <= 19 && sum % 10 == 0;
	}

}
