package org.outreachcrm.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.Countries;
import org.outreachcrm.shared.ErasedPersonName;
import org.outreachcrm.shared.TextFolding;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats templates call as {@code ${@formats...}}: country names and dates in the user's
 * language. A bean rather than static calls because Thymeleaf restricts {@code T(..)}
 * expressions.
 */
@Component("formats")
public class ViewFormats {

	private final MessageSource messages;

	public ViewFormats(MessageSource messages) {
		this.messages = messages;
	}

	// The server's zone, which the office sets; a per-user zone belongs to the account
	// once people work across time zones.
	private static final ZoneId ZONE = ZoneId.systemDefault();

	/** The country's name in the user's language; empty for no country. */
	public String country(@Nullable String code) {
		return (code == null || code.isBlank()) ? "" : Countries.displayName(code, LocaleContextHolder.getLocale());
	}

	/** All countries sorted by their name in the user's language, for pickers. */
	public List<Countries.Country> countries() {
		return Countries.all(LocaleContextHolder.getLocale());
	}

	/** A moment as a short local date and time in the user's language. */
	public String instant(@Nullable Instant instant) {
		return (instant == null) ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(LocaleContextHolder.getLocale())
					.format(instant.atZone(ZONE));
	}

	/**
	 * A person's name as stored, except an erased person's, which reads in the user's
	 * language.
	 */
	public @Nullable String person(@Nullable String name) {
		OptionalLong erased = ErasedPersonName.id(name);
		return erased.isEmpty() ? name : this.messages.getMessage("contact.erased",
				new Object[] { String.valueOf(erased.getAsLong()) }, LocaleContextHolder.getLocale());
	}

	/** A calendar date in ISO form, which every language here reads the same way. */
	public String date(@Nullable LocalDate date) {
		return (date == null) ? "" : date.toString();
	}

	/** A language's name in the user's language (e.g. "pl" as "Polish"). */
	public String language(@Nullable String code) {
		return (code == null || code.isBlank()) ? ""
				: new Locale(code).getDisplayLanguage(LocaleContextHolder.getLocale());
	}

	/** All ISO 639 languages with their names in the user's language, for pickers. */
	public List<Choice> languages() {
		Locale locale = LocaleContextHolder.getLocale();
		return Arrays.stream(Locale.getISOLanguages())
			.map((code) -> new Choice(code, new Locale(code).getDisplayLanguage(locale)))
			.sorted(Comparator.comparing((Choice language) -> TextFolding.fold(language.name())))
			.toList();
	}

	/** A code and its name in the user's language. */
	public record Choice(String code, String name) {
	}

}
