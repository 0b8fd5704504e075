package dev.parley.privacy;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The masker replaces what it should, by the right placeholder, and leaves ordinary text
 * (numbers, prices, years, ids, Chinese prose, code) exactly as it was.
 */
class SensitiveDataMaskerTests {

	private final SensitiveDataMasker masker = new SensitiveDataMasker(EnumSet.allOf(SensitiveKind.class));

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			// mainland mobiles, with prefixes and separators
			"我的手机号是13812345678，请回电|我的手机号是[phone]，请回电", "call +86 138 1234 5678 now|call [phone] now",
			"tel:+8613912345678|tel:[phone]", "0086-15012345678|[phone]", "(+86)19912345678|(+86)[phone]",
			"188-1234-5678 or 17712345678|[phone] or [phone]",
			// international numbers written with +
			"US office: +1 (415) 555-2671.|US office: [phone].", "London +44 20 7946 0958|London [phone]",
			// Chinese resident ID numbers with a valid check character and birth date
			"身份证号：11010519491231002X。|身份证号：[id-number]。", "id 440304199001011233 ok|id [id-number] ok",
			"leap day 320106200002290019|leap day [id-number]", "lower x 11010519491231002x|lower x [id-number]",
			"legacy 110105491231002 id|legacy [id-number] id",
			// e-mail addresses, QQ numeric ones included
			"mail me: alice.smith+tag@example.co.uk.|mail me: [email].", "QQ邮箱12345678@qq.com谢谢|QQ邮箱[email]谢谢",
			"<bob_o'neil@mail.example.org>|<bob_o'[email]>",
			// keys with a known shape
			"key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z done|key [secret] done",
			"sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA-xyz_123|[secret]",
			"deepseek: sk-4f3c2b1a09e8d7c6b5a4f3e2d1c0b9a8|deepseek: [secret]",
			"token=ghp_16C7e42F292c6912E7710c838347Ae178B4a;|token=[secret];",
			"aws AKIAIOSFODNN7EXAMPLE key|aws [secret] key", "slack xoxb-1234567890-abcdefghij|slack [secret]",
			"stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc|stripe [secret]",
			"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U|Bearer [secret]",
			// long random tokens, hex and base64url
			"secret=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08|secret=[secret]",
			"api_key: Q2hhdEdQVC1rZXktZXhhbXBsZS0xMjM0NTY3ODkwYWJj|api_key: [secret]",
			// several kinds in one message
			"张三 13812345678 zhang@example.com 11010519491231002X|张三 [phone] [email] [id-number]" })
	void masksSensitiveData(String text, String expected) {
		assertThat(this.masker.mask(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// ID-shaped numbers with a wrong check character, an impossible or future
			// date,
			// or no province
			"110105194912310029", "440304199001011232", "11010519900230001X", "11010520300101001X",
			"991231199001011233", "202401150001234",
			// ordinary numbers: order ids, prices, years, timestamps, versions
			"订单号 2024011512345678901 已发货", "order 100234567 costs ¥1,299.00 (was 1399)", "in 2024 and 1999",
			"timestamp 1712345678901 ms", "version 1.38.12345678", "12812345678 is not a mobile",
			"138123456789 is too long", "ORD13812345678 is an order id", "price +5 and +100 points",
			"snowflake 1790000000000000000",
			// words and identifiers that resemble keys
			"sk-learn-tutorial-2024-edition is a title", "task-management-system-design-document-v2",
			"ThisIsAVeryLongClassNameForTesting2Things", "very_long_identifier_name_in_code_2024_version",
			"conversation 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b was created",
			"https://parley.dev/api/v1/conversations/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/messages",
			// not e-mail addresses
			"@alice said hi", "a@b", "user@localhost", "price 3@5 each",
			// Chinese prose, with and without digits
			"你好，请帮我写一首关于春天的诗。", "我今年25岁，住在北京市朝阳区，房间号302。", "会议在2024年3月15日下午3点举行" })
	void leavesOrdinaryTextAlone(String text) {
		assertThat(this.masker.mask(text)).isEqualTo(text);
	}

	@Test
	void bankCardsNeedTheLuhnCheck() {
		assertThat(this.masker.mask("card 4111 1111 1111 1111 exp 12/30")).isEqualTo("card [bank-card] exp 12/30");
		assertThat(this.masker.mask("银联 6222021234567890128")).isEqualTo("银联 [bank-card]");
		assertThat(this.masker.mask("card 4111 1111 1111 1112")).isEqualTo("card 4111 1111 1111 1112");
	}

	@Test
	void onlyTheConfiguredKindsAreMasked() {
		SensitiveDataMasker phonesOnly = new SensitiveDataMasker(Set.of(SensitiveKind.PHONE));
		String text = "13812345678 a@example.com 11010519491231002X 4111111111111111";
		assertThat(phonesOnly.mask(text)).isEqualTo("[phone] a@example.com 11010519491231002X 4111111111111111");
		assertThat(new SensitiveDataMasker(Set.of()).mask(text)).isSameAs(text);
	}

	@Test
	void textWithoutSensitiveDataIsReturnedAsIs() {
		String plain = "Hello, how are you? 你好";
		assertThat(this.masker.mask(plain)).isSameAs(plain);
		String numbers = "Order 42 costs $19.99";
		assertThat(this.masker.mask(numbers)).isSameAs(numbers);
		assertThat(this.masker.mask(null)).isNull();
		assertThat(this.masker.mask("")).isEmpty();
	}

	@Test
	void dollarSignsAndBackslashesSurviveMasking() {
		assertThat(this.masker.mask("pay $5 to 13812345678 \\o/ $1")).isEqualTo("pay $5 to [phone] \\o/ $1");
	}

	@Test
	void randomKeysAreMaskedAlmostAlways() {
		Random random = new Random(42);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		int masked = 0;
		for (int i = 0; i < 1000; i++) {
			StringBuilder key = new StringBuilder();
			for (int j = 0; j < 40; j++) {
				key.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			masked += this.masker.mask("key " + key + " end").equals("key [secret] end") ? 1 : 0;
		}
		assertThat(masked).isGreaterThanOrEqualTo(990);
	}

	@Test
	void maskingIsIdempotent() {
		String once = this.masker.mask("13812345678 a@example.com sk-4f3c2b1a09e8d7c6b5a4f3e2d1c0b9a8");
		assertThat(this.masker.mask(once)).isEqualTo(once);
	}

}
