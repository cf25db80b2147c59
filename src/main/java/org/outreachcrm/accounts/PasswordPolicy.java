package org.outreachcrm.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.outreachcrm.shared.BusinessRuleException;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharacterRegexRule;
import org.passay.Rule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

/**
 * The minimum a password must meet, and strong generated passwords. The rules are
 * Passay's: at least {@value #MIN_LENGTH} characters, not the user name (also reversed),
 * no run of {@value #SEQUENCE} alphabetical, numerical or keyboard characters
 * ({@code abcde}, {@code 34567}, {@code qwert}), no character four times in a row, at
 * least five different characters, and not one of the 30,000 most common passwords, also
 * with digits or symbols added before or after it or with common letter substitutions
 * ({@code Passw0rd!}). The list is the one zxcvbn4j ships in its jar: no look-up leaves
 * the server.
 */
public final class PasswordPolicy {

	/** Shortest password accepted. */
	public static final int MIN_LENGTH = 12;

	/** Longest password accepted. */
	public static final int MAX_LENGTH = 200;

	/** Shortest alphabetical, numerical or keyboard run refused. */
	static final int SEQUENCE = 5;

	static final String COMMON_PASSWORDS = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final WordListDictionary COMMON = new WordListDictionary(
			new ArrayWordList(commonPasswords(), false, new ArraysSort()));

	private static final PasswordValidator VALIDATOR = new PasswordValidator(new LengthRule(MIN_LENGTH, MAX_LENGTH),
			PasswordPolicy::username, PasswordPolicy::fewDifferentCharacters,
			new IllegalSequenceRule(EnglishSequenceData.Alphabetical, SEQUENCE, false),
			new IllegalSequenceRule(EnglishSequenceData.Numerical, SEQUENCE, false),
			new IllegalSequenceRule(EnglishSequenceData.USQwerty, SEQUENCE, false), new RepeatCharacterRegexRule(4),
			PasswordPolicy::common);

	private PasswordPolicy() {
	}

	static void check(String password, String username) {
		RuleResult result = VALIDATOR.validate(new PasswordData(username, password));
		if (result.isValid()) {
			return;
		}
		RuleResultDetail first = result.getDetails().get(0);
		throw switch (first.getErrorCode()) {
			case LengthRule.ERROR_CODE_MIN -> new BusinessRuleException("password.tooShort",
					"The password must have at least " + MIN_LENGTH + " characters", MIN_LENGTH);
			case LengthRule.ERROR_CODE_MAX -> new BusinessRuleException("password.tooLong",
					"The password must have at most " + MAX_LENGTH + " characters", MAX_LENGTH);
			case "SAME_AS_USERNAME" ->
				new BusinessRuleException("password.sameAsUsername", "The password must not be the user name");
			case "ILLEGAL_ALPHABETICAL_SEQUENCE", "ILLEGAL_NUMERICAL_SEQUENCE", "ILLEGAL_QWERTY_SEQUENCE" ->
				new BusinessRuleException("password.sequence",
						"The password must not contain a run such as abcde, 12345 or qwert", SEQUENCE);
			case "ILLEGAL_MATCH" -> new BusinessRuleException("password.repeated",
					"The password must not repeat a character four times in a row");
			case "COMMON_PASSWORD" -> new BusinessRuleException("password.common",
					"This password is one of the most common ones and is guessed first: choose another");
			default -> new BusinessRuleException("password.tooSimple",
					"The password is too simple: use more different characters");
		};
	}

	/**
	 * A random password of 24 characters (about 140 bits) that the rules accept: now and
	 * then chance makes a run or a repetition they refuse, and the first start would
	 * fail.
	 */
	static String generate() {
		while (true) {
			StringBuilder out = new StringBuilder(24);
			for (int i = 0; i < 24; i++) {
				out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			String password = out.toString();
			if (VALIDATOR.validate(new PasswordData(password)).isValid()) {
				return password;
			}
		}
	}

	/** How many passwords the bundled common-password list holds. */
	static int commonPasswordCount() {
		return COMMON.getWordList().size();
	}

	private static RuleResult username(PasswordData data) {
		String password = data.getPassword();
		String username = data.getUsername();
		boolean same = username != null && (password.equalsIgnoreCase(username)
				|| password.equalsIgnoreCase(new StringBuilder(username).reverse().toString()));
		return result(!same, "SAME_AS_USERNAME");
	}

	private static RuleResult fewDifferentCharacters(PasswordData data) {
		return result(data.getPassword().chars().distinct().count() >= 5, "TOO_SIMPLE");
	}

	/**
	 * The password, and what remains of it without digits and symbols added around it and
	 * with common substitutions undone, must not be on the list.
	 */
	private static RuleResult common(PasswordData data) {
		for (String candidate : candidates(data.getPassword())) {
			if (candidate.length() >= 4 && COMMON.search(candidate)) {
				return result(false, "COMMON_PASSWORD");
			}
		}
		return result(true, "COMMON_PASSWORD");
	}

	static Set<String> candidates(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		Set<String> candidates = new LinkedHashSet<>();
		for (String variant : List.of(lower, lower.replaceAll("[^\\p{L}]+$", ""), lower.replaceAll("^[^\\p{L}]+", ""),
				lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", ""))) {
			candidates.add(variant);
			candidates.add(unleet(variant));
		}
		return candidates;
	}

	private static String unleet(String password) {
		StringBuilder out = new StringBuilder(password.length());
		for (char c : password.toCharArray()) {
			out.append(switch (c) {
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				default -> c;
			});
		}
		return out.toString();
	}

	private static RuleResult result(boolean valid, String code) {
		RuleResult result = new RuleResult(valid);
		if (!valid) {
			result.addError(code, java.util.Map.of());
		}
		return result;
	}

	private static String[] commonPasswords() {
		InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
		if (in == null) {
			throw new IllegalStateException("The common-password list " + COMMON_PASSWORDS + " is missing");
		}
		List<String> words = new ArrayList<>(30_000);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					words.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words.stream().distinct().toArray(String[]::new);
	}

}
