package org.outreachcrm.duplicates.matching;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PairScorerTest {

	@Test
	void websiteDomainIgnoresSchemeWwwAndTrailingSlash() {
		assertThat(WebsiteDomain.of("http://www.x.org/")).isEqualTo("x.org");
		assertThat(WebsiteDomain.of("https://x.org")).isEqualTo("x.org");
		assertThat(WebsiteDomain.of("X.ORG/contact?a=1")).isEqualTo("x.org");
		assertThat(WebsiteDomain.of("https://www.facebook.com/clubalfa/")).isEqualTo("facebook.com/clubalfa");
		assertThat(WebsiteDomain.of("n/a")).isNull();
	}

	@Test
	void namesFoldAcrossScriptsIntoSeveralRomanizations() {
		List<List<String>> forms = NameFolding.variants("Київська громадська ініціатива");
		assertThat(forms).contains(List.of("kyyivska", "hromadska", "initsiatyva"));
		assertThat(forms).contains(List.of("kiivska", "gromadska", "iniciativa"));
		assertThat(NameFolding.skeleton("kyivska")).isEqualTo(NameFolding.skeleton("kiivska"));
		assertThat(NameFolding.variants("Ελληνική")).contains(List.of("elliniki"));
	}

	@Test
	void sameWebsiteAndTransliteratedNamesAreReasons() {
		Match match = PairScorer
			.score(org(1, "Харківська правозахисна група", "UA", "http://www.khpg.org/"),
					org(2, "Kharkivska pravozakhysna hrupa", "UA", "https://khpg.org"))
			.orElseThrow();
		assertThat(match.reasons()).contains(Reason.NAME_TRANSLITERATED, Reason.SAME_WEBSITE);
		assertThat(match.score()).isGreaterThan(0.9);
	}

	@Test
	void legalFormsAndQuotesAreNoise() {
		Match match = PairScorer
			.score(org(1, "Asociația \"Științifică Ștefan cel Mare\"", "RO", null),
					org(2, "Stiintifica Stefan cel Mare", "RO", null))
			.orElseThrow();
		assertThat(match.reasons()).contains(Reason.NAME_WITHOUT_ACCENTS, Reason.NAME_WITHOUT_LEGAL_FORM);
	}

	@Test
	void siblingsThatDifferInOneWordAreNotProposedEvenWithOneWebsite() {
		assertThat(PairScorer.score(org(1, "Teachers of Łódź", "PL", "teachers.pl"),
				org(2, "Teachers of Kraków", "PL", "teachers.pl")))
			.isEmpty();
	}

	@Test
	void sameNameInAnotherCountryIsNotProposed() {
		assertThat(PairScorer.score(org(1, "Caritas", "PL", null), org(2, "Caritas", "RO", null))).isEmpty();
		assertThat(PairScorer.score(org(1, "Caritas", "PL", null), org(2, "CARITAS", "PL", null))).isPresent();
	}

	@Test
	void numbersMustBeEqual() {
		assertThat(PairScorer.score(org(1, "Szkoła nr 5", "PL", null), org(2, "Szkoła nr 6", "PL", null))).isEmpty();
	}

	@Test
	void aNameContainedInAnotherNeedsASharedIdentifier() {
		assertThat(PairScorer.score(org(1, "Open Doors", "AL", null), org(2, "Open Doors Tirana", "AL", null)))
			.isEmpty();
		assertThat(PairScorer.score(org(1, "Open Doors", "AL", "opendoors.al"),
				org(2, "Open Doors Tirana", "AL", "http://opendoors.al/")))
			.hasValueSatisfying((match) -> assertThat(match.reasons()).contains(Reason.NAME_CONTAINED));
	}

	@Test
	void peopleMatchByPhoneInE164AndEmailInAnyCase() {
		Profile a = Profile.person(new Candidate(1, "Jan Novák", "CZ", null, null, List.of("Jan.Novak@Example.cz"),
				List.of("+420 602 123 456")));
		Profile b = Profile.person(
				new Candidate(2, "J. Novak", "CZ", null, null, List.of("jan.novak@example.cz"), List.of("602123456")));
		assertThat(a.phones()).containsExactly("+420602123456");
		assertThat(PairScorer.score(a, b))
			.hasValueSatisfying((match) -> assertThat(match.reasons()).contains(Reason.SAME_EMAIL, Reason.SAME_PHONE));
	}

	@Test
	void aFirstNameAloneOrAFeminineFormIsNotAPerson() {
		assertThat(PairScorer.score(person(1, "Katarzyna"), person(2, "Katarzyna"))).isEmpty();
		assertThat(PairScorer.score(person(1, "Александр Петров"), person(2, "Александра Петрова"))).isEmpty();
		assertThat(PairScorer.score(person(1, "Kowalska Anna"), person(2, "Anna Kowalska")))
			.hasValueSatisfying((match) -> assertThat(match.reasons()).contains(Reason.NAME_REORDERED));
	}

	@Test
	void anotherWordOrderPairsOnlyWhenAnEndWordMovedToTheOtherEnd() {
		// a city or a legal form moved to the other end: one organization
		assertThat(PairScorer.score(org(1, "Dom Kultury Śródmieście", "PL", null),
				org(2, "Śródmieście Dom Kultury", "PL", null)))
			.hasValueSatisfying((match) -> assertThat(match.reasons()).contains(Reason.NAME_REORDERED));
		assertThat(PairScorer.score(org(1, "Nowy Sącz Dom Kultury", "PL", null),
				org(2, "Dom Kultury Nowy Sącz", "PL", null)))
			.isPresent();
		// two inner words swapped: the scale generator's siblings, not a retyped name
		assertThat(PairScorer.score(org(1, "Związek Zielona Wolna Łódź", "PL", null),
				org(2, "Związek Wolna Zielona Łódź", "PL", null)))
			.isEmpty();
		assertThat(PairScorer.score(org(1, "Zielona Wolna Łódź", "PL", null), org(2, "Wolna Zielona Łódź", "PL", null)))
			.isEmpty();
	}

	@Test
	void blockingKeysDescribeTheWholeNameAndCarryTheCountry() {
		assertThat(BlockingKeys.of(org(1, "Radio Głos Ziemi", "PL", "https://rgz.pl")))
			.containsExactlyInAnyOrder("nPL:hlos+rado+zemi", "tPL:hl+ra+ze", "cPL:hls+rd+zm", "wPL:rgz.pl");
	}

	@Test
	void blockingKeysMeetOnAnotherOrderOrALegalFormButNotOnOneCommonWord() {
		assertThat(BlockingKeys.of(org(1, "Fundacja Zielona Wolna Łódź", "PL", null)))
			.containsAll(BlockingKeys.of(org(2, "Wolna Zielona Łódź", "PL", null)));
		assertThat(BlockingKeys.of(org(1, "Teachers of Łódź", "PL", null)))
			.doesNotContainAnyElementsOf(BlockingKeys.of(org(2, "Teachers of Kraków", "PL", null)));
	}

	@Test
	void branchNumbersNeitherShareANameKeyNorPair() {
		Profile second = org(1, "Fundacja Zielona Wolna Łódź – Koło 2", "PL", null);
		Profile third = org(2, "Fundacja Zielona Wolna Łódź – Koło 3", "PL", null);
		assertThat(BlockingKeys.of(second)).doesNotContainAnyElementsOf(BlockingKeys.of(third));
		assertThat(PairScorer.score(second, third)).isEmpty();
		assertThat(PairScorer.score(org(1, "Teachers of Łódź", "PL", null), org(2, "Teachers of Kraków", "PL", null)))
			.isEmpty();
	}

	@Test
	void twoDifferentLegalFormsAreTwoLegalPersonsUnlessTheyShareAWebsite() {
		assertThat(PairScorer.score(org(1, "Fundacja Zielona Łódź", "PL", null),
				org(2, "Stowarzyszenie Zielona Łódź", "PL", null)))
			.isEmpty();
		assertThat(PairScorer.score(org(1, "Fundacja Zielona Łódź", "PL", "https://zl.pl"),
				org(2, "Stowarzyszenie Zielona Łódź", "PL", "http://www.zl.pl/")))
			.isPresent();
		assertThat(PairScorer.score(org(1, "Ekologiczny Dom sp. z o.o.", "PL", null),
				org(2, "Ekologiczny Dom Sp z oo", "PL", null)))
			.isPresent();
		assertThat(PairScorer.score(org(1, "Fundacja Zielona Łódź", "PL", null), org(2, "Zielona Łódź", "PL", null)))
			.isPresent();
	}

	@Test
	void aPersonsInitialMeetsTheFullFirstName() {
		assertThat(BlockingKeys.of(person(1, "A. Kowalczyk")))
			.containsAnyElementsOf(BlockingKeys.of(person(2, "Agnieszka Kowalczyk")));
	}

	private static Profile org(long id, String name, String country, String website) {
		return Profile.organization(new Candidate(id, name, country, null, website, List.of(), List.of()));
	}

	private static Profile person(long id, String name) {
		return Profile.person(new Candidate(id, name, "PL", null, null, List.of(), List.of()));
	}

}
