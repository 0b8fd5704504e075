package dev.parley.privacy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The masking settings bind from their documented spellings and default to off. */
class MaskingPropertiesTests {

	@Test
	void defaultsAreOffForProvidersWithoutBankCards() {
		MaskingProperties properties = bind(Map.of());
		assertThat(properties.enabled()).isFalse();
		assertThat(properties.targets()).containsExactly(MaskingTarget.PROVIDER);
		assertThat(properties.kinds()).containsExactlyInAnyOrder(SensitiveKind.PHONE, SensitiveKind.CN_ID,
				SensitiveKind.EMAIL, SensitiveKind.API_KEY);
		MessageMasking masking = new PrivacyConfiguration().messageMasking(properties);
		assertThat(masking.forProvider("13812345678")).isEqualTo("13812345678");
	}

	@Test
	void documentedSpellingsBind() {
		MaskingProperties properties = bind(
				Map.of("parley.privacy.masking.enabled", "true", "parley.privacy.masking.targets", "storage",
						"parley.privacy.masking.kinds", "cn-id,api-key,bank-card"));
		assertThat(properties.targets()).containsExactly(MaskingTarget.STORAGE);
		assertThat(properties.kinds()).containsExactlyInAnyOrder(SensitiveKind.CN_ID, SensitiveKind.API_KEY,
				SensitiveKind.BANK_CARD);
		MessageMasking masking = new PrivacyConfiguration().messageMasking(properties);
		assertThat(masking.forStorage("id 11010519491231002X, tel 13812345678"))
			.isEqualTo("id [id-number], tel 13812345678");
		assertThat(masking.forProvider("id 11010519491231002X")).isEqualTo("id 11010519491231002X");
	}

	private static MaskingProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("parley.privacy.masking",
				MaskingProperties.class);
	}

}
