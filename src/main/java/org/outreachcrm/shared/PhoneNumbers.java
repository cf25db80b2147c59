package org.outreachcrm.shared;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers in E.164 where the country makes that possible (libphonenumber); what was
 * typed otherwise, so that nothing a person entered is lost.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The E.164 form of {@code typed}, read as a number of {@code country} when it has no
	 * international prefix; {@code typed} trimmed when it is not a valid number.
	 */
	public static String normalize(String typed, @Nullable String country) {
		return parse(typed, country).value();
	}

	/** Like {@link #normalize} but tells whether the number could be normalized. */
	public static Result parse(String typed, @Nullable String country) {
		String trimmed = typed.strip();
		String region = (country == null || country.isBlank()) ? "ZZ" : country.toUpperCase(Locale.ROOT);
		try {
			PhoneNumber number = UTIL.parse(trimmed, region);
			if (UTIL.isValidNumber(number)) {
				return new Result(UTIL.format(number, PhoneNumberFormat.E164), true);
			}
		}
		catch (NumberParseException ex) {
			// not a number libphonenumber understands: keep it as typed
		}
		return new Result(trimmed, false);
	}

	/** A phone number as stored, and whether it is in E.164. */
	public record Result(String value, boolean normalized) {
	}

}
