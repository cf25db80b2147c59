package org.outreachcrm.duplicates.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.PhoneNumbers;
import org.outreachcrm.shared.TextFolding;

/**
 * What the finder compares of one record, computed once per record (transliteration is
 * the slow part): the name's folded forms with and without legal forms, the country, the
 * folded city, the website domain, e-mails in lower case and phones in E.164.
 *
 * @param person whether the record is a person (no legal forms, initials allowed)
 */
public record Profile(long id, boolean person, String plainName, NameFolding.Script script, List<NameForm> forms,
		@Nullable String country, @Nullable String city, Set<String> domains, Set<String> emails, Set<String> phones) {

	/**
	 * Words of one folded form of a name: all of them, the meaningful ones, and the
	 * skeletons of its legal form's words.
	 */
	record NameForm(List<Token> all, List<Token> core, Set<String> legal) {
	}

	/** At most this many words of a name are compared. */
	static final int MAX_WORDS = 12;

	/** The profile of an organization. */
	public static Profile organization(Candidate candidate) {
		return of(candidate, false);
	}

	/** The profile of a person. */
	public static Profile person(Candidate candidate) {
		return of(candidate, true);
	}

	private static Profile of(Candidate candidate, boolean person) {
		List<NameForm> forms = new ArrayList<>();
		for (List<String> words : NameFolding.variants(candidate.name())) {
			List<Token> all = words.stream().limit(MAX_WORDS).map(Token::of).toList();
			forms.add(new NameForm(all, person ? all : NameNoise.strip(all),
					person ? Set.of() : Set.copyOf(NameNoise.legalForms(all))));
		}
		String country = blankToNull(candidate.country());
		country = (country != null) ? country.toUpperCase(Locale.ROOT) : null;
		String city = blankToNull(candidate.city());
		Set<String> domains = new LinkedHashSet<>();
		String domain = (candidate.website() != null) ? WebsiteDomain.of(candidate.website()) : null;
		if (domain != null) {
			domains.add(domain);
		}
		Set<String> emails = new LinkedHashSet<>();
		for (String email : candidate.emails()) {
			if (email != null && email.contains("@")) {
				emails.add(email.strip().toLowerCase(Locale.ROOT));
			}
		}
		Set<String> phones = new LinkedHashSet<>();
		for (String phone : candidate.phones()) {
			String normalized = phone(phone, country);
			if (normalized != null) {
				phones.add(normalized);
			}
		}
		String plain = Normalizer.normalize(candidate.name(), Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.strip()
			.replaceAll("\\s+", " ");
		return new Profile(candidate.id(), person, plain, NameFolding.script(candidate.name()), List.copyOf(forms),
				country, (city != null) ? TextFolding.key(city) : null, domains, emails, phones);
	}

	private static @Nullable String phone(@Nullable String typed, @Nullable String country) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		PhoneNumbers.Result result = PhoneNumbers.parse(typed, country);
		if (result.normalized()) {
			return result.value();
		}
		String digits = typed.replaceAll("\\D", "");
		return (digits.length() >= 7) ? digits : null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
