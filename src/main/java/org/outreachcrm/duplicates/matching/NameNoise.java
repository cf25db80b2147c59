package org.outreachcrm.duplicates.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words that do not tell one organization from another: legal forms in the languages of
 * the partners ("sp. z o.o.", "Asociația", "Fundacja", "e.V.", "NGO", "ООО", "Σωματείο")
 * and small joining words ("of", "din", "dla"). They are compared by
 * {@link NameFolding#skeleton}, so every romanization of a Cyrillic legal form is known
 * through one entry.
 */
final class NameNoise {

	private static final List<String> LEGAL_FORMS = List.of("sp z o o", "sp z oo", "sp zoo", "spolka z o o",
			"spolka z ograniczona odpowiedzialnoscia", "sp j", "sp k", "s a", "sa", "s r l", "srl", "s c", "ltd",
			"limited", "gmbh", "ggmbh", "e v", "ev", "ngo", "ong", "o n g", "asbl", "aisbl", "vzw", "inc", "llc", "cic",
			"ooo", "oao", "zao", "ano", "pao", "ao", "o p s", "ops", "z s", "zs", "z u", "kft", "d o o", "doo", "eood",
			"ood", "ad", "ae", "ike", "amke", "a m k e", "mke", "m k e", "mko", "m k o", "a e", "s r o", "sro", "a s",
			"ab", "oy", "ry", "aps", "odv", "onlus", "ets", "stiftung", "verein", "fundacja", "fundatia", "fundacion",
			"fondation", "fondazione", "foundation", "fondacija", "fundacio", "fond", "blagotvoritelnii fond",
			"stowarzyszenie", "asociatia", "asociatie", "asociacion", "associazione", "association", "asociace",
			"assotsiatsiia", "asociacia", "sdruzhenie", "sdruzenie", "sdruzeni", "obcanske sdruzeni", "udruga",
			"udruzenje", "drustvo", "spolek", "obcianske zdruzenie", "obshchestvennaia organizatsiia",
			"hromadska orhanizatsiia", "gromadska organizacia", "go", "hpo", "somateio", "syllogos", "organizatia",
			"organizacja pozarzadowa", "non profit", "nonprofit", "charity", "registered charity",
			"eingetragener verein", "vereniging", "stichting", "czlonkowie", "ong asociatia");

	private static final List<String> JOINING_WORDS = List.of("of", "the", "and", "for", "in", "at", "de", "din", "la",
			"si", "al", "a", "i", "w", "z", "na", "dla", "do", "und", "der", "die", "das", "fur", "e", "et", "du",
			"des", "von", "y", "el", "v", "po", "za", "ot", "pri", "kai", "tis", "tou", "ton", "tes", "im", "zu", "le",
			"les", "del", "della", "di", "da", "dos", "das", "van", "voor", "het", "en", "ve", "za", "ze", "na",
			"pentru");

	private static final List<List<String>> PHRASES = LEGAL_FORMS.stream()
		.map((form) -> Arrays.stream(form.split(" ")).map(NameFolding::skeleton).toList())
		.sorted(Comparator.comparingInt((List<String> phrase) -> phrase.size()).reversed())
		.toList();

	private static final Set<String> JOINING_SKELETONS = JOINING_WORDS.stream()
		.map(NameFolding::skeleton)
		.collect(Collectors.toUnmodifiableSet());

	private NameNoise() {
	}

	/** The words of {@code words} without legal forms and joining words. */
	static List<Token> strip(List<Token> words) {
		List<Token> kept = new ArrayList<>(words.size());
		int i = 0;
		while (i < words.size()) {
			int phrase = legalFormAt(words, i);
			if (phrase > 0) {
				i += phrase;
				continue;
			}
			Token word = words.get(i);
			if (!JOINING_SKELETONS.contains(word.skeleton())) {
				kept.add(word);
			}
			i++;
		}
		return kept;
	}

	/**
	 * The skeletons of the words of the legal forms in {@code words} ("fundacja", or
	 * "sp", "z", "o" for "sp. z o.o."): two names whose legal forms share no word name
	 * two legal persons ("Fundacja Zielona Łódź" and "Stowarzyszenie Zielona Łódź").
	 */
	static Set<String> legalForms(List<Token> words) {
		Set<String> forms = new java.util.HashSet<>();
		int i = 0;
		while (i < words.size()) {
			int phrase = legalFormAt(words, i);
			if (phrase > 0) {
				for (int j = i; j < i + phrase; j++) {
					forms.add(words.get(j).skeleton());
				}
				i += phrase;
			}
			else {
				i++;
			}
		}
		return forms;
	}

	private static int legalFormAt(List<Token> words, int start) {
		for (List<String> phrase : PHRASES) {
			if (start + phrase.size() > words.size()) {
				continue;
			}
			boolean matches = true;
			for (int j = 0; j < phrase.size() && matches; j++) {
				matches = words.get(start + j).skeleton().equals(phrase.get(j));
			}
			if (matches) {
				return phrase.size();
			}
		}
		return 0;
	}

}
