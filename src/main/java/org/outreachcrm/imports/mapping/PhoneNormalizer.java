package org.outreachcrm.imports.mapping;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Writes phone numbers in E.164 ("+48601234567") with libphonenumber, reading national
 * numbers in the row's country. Numbers that cannot be read are kept as typed with a
 * warning, since a person can still dial what they typed.
 */
public final class PhoneNormalizer {

	private static final String UNKNOWN_REGION = "ZZ";

	private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

	/**
	 * Normalizes {@code text}.
	 * @param country the row's ISO alpha-2 country, used for numbers without a country
	 * code; null or "" when unknown
	 */
	public NormalizedValue normalize(String text, @Nullable String country) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return NormalizedValue.valid("");
		}
		String region = (country == null || country.isBlank()) ? UNKNOWN_REGION
				: country.strip().toUpperCase(Locale.ROOT);
		PhoneNumber parsed = parse(trimmed, region);
		if (parsed != null && this.phones.isValidNumber(parsed)) {
			return NormalizedValue.valid(this.phones.format(parsed, PhoneNumberFormat.E164));
		}
		// A number stored as a spreadsheet number loses its "+": 48601234567.
		PhoneNumber withPlus = trimmed.matches("\\d{8,15}") ? parse("+" + trimmed, UNKNOWN_REGION) : null;
		if (withPlus != null && this.phones.isValidNumber(withPlus)) {
			return NormalizedValue.valid(this.phones.format(withPlus, PhoneNumberFormat.E164));
		}
		if (parsed == null) {
			return NormalizedValue.flagged(trimmed, MappingMessage.UNREADABLE_PHONE, trimmed);
		}
		return NormalizedValue.flagged(trimmed, MappingMessage.INVALID_PHONE, trimmed,
				region.equals(UNKNOWN_REGION) ? "any country" : region);
	}

	private @Nullable PhoneNumber parse(String text, String region) {
		try {
			return this.phones.parse(text, region);
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

}
