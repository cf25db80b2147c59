package org.outreachcrm.duplicates.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores a pair of records and keeps the reasons. The rules:
 * <ul>
 * <li>Records in two different countries are never proposed (when both countries are
 * known): "Caritas" in Poland and "Caritas" in Romania are two organizations.</li>
 * <li>The names decide first, compared word by word over every folded form: all words
 * matching on both sides proposes the pair; a name whose every word is in the other plus
 * at most a little more needs a shared website, e-mail or phone too; when each name keeps
 * a meaningful word of its own (siblings) the pair is never proposed, whatever else they
 * share.</li>
 * <li>Two legal forms without a word in common ("Fundacja …" and "Stowarzyszenie …") are
 * two legal persons: proposed only with a shared website, e-mail or phone.</li>
 * <li>A person needs at least two name words matched (a first name alone says nothing)
 * unless an e-mail or phone is shared.</li>
 * <li>Shared website domain, e-mail and phone add to the score; the same city adds a
 * little; two different cities take some away.</li>
 * </ul>
 */
public final class PairScorer {

	/** Pairs below this score are not proposed. */
	public static final double MIN_SCORE = 0.6;

	private PairScorer() {
	}

	/** The match of {@code a} and {@code b}, if they are worth a person's look. */
	public static Optional<Match> score(Profile a, Profile b) {
		if (a.id() == b.id()) {
			return Optional.empty();
		}
		if (a.country() != null && b.country() != null && !a.country().equals(b.country())) {
			return Optional.empty();
		}
		Names names = compareNames(a, b);
		if (names.core().kind() == NameComparison.Kind.CONFLICT || names.core().kind() == NameComparison.Kind.NONE) {
			return Optional.empty();
		}
		List<Reason> reasons = new ArrayList<>();
		int identifiers = 0;
		if (intersects(a.domains(), b.domains())) {
			reasons.add(Reason.SAME_WEBSITE);
			identifiers++;
		}
		if (intersects(a.emails(), b.emails())) {
			reasons.add(Reason.SAME_EMAIL);
			identifiers++;
		}
		if (intersects(a.phones(), b.phones())) {
			reasons.add(Reason.SAME_PHONE);
			identifiers++;
		}
		if (names.legalConflict() && identifiers == 0) {
			return Optional.empty();
		}
		double score;
		if (names.core().kind() == NameComparison.Kind.FULL && (!a.person() || names.words() >= 2 || identifiers > 0)) {
			score = 0.6 + 0.35 * names.core().similarity();
		}
		else if (names.core().kind() == NameComparison.Kind.CONTAINED && identifiers > 0 && names.words() >= 1) {
			score = 0.55;
		}
		else {
			return Optional.empty();
		}
		score += 0.1 * identifiers;
		if (a.city() != null && b.city() != null) {
			if (a.city().equals(b.city())) {
				reasons.add(Reason.SAME_CITY);
				score += 0.03;
			}
			else {
				score -= 0.15;
			}
		}
		score = Math.round(Math.min(1.0, score) * 1000) / 1000.0;
		if (score < MIN_SCORE) {
			return Optional.empty();
		}
		reasons.addAll(0, nameReasons(a, b, names));
		long first = Math.min(a.id(), b.id());
		long second = Math.max(a.id(), b.id());
		return Optional.of(new Match(first, second, score, reasons));
	}

	private static List<Reason> nameReasons(Profile a, Profile b, Names names) {
		List<Reason> reasons = new ArrayList<>();
		if (a.plainName().equals(b.plainName())) {
			reasons.add(Reason.SAME_NAME);
			return reasons;
		}
		if (a.script() != b.script()) {
			reasons.add(Reason.NAME_TRANSLITERATED);
		}
		else if (a.script() == NameFolding.Script.LATIN && (!isAscii(a.plainName()) || !isAscii(b.plainName()))) {
			reasons.add(Reason.NAME_WITHOUT_ACCENTS);
		}
		if (names.noise()) {
			reasons.add(Reason.NAME_WITHOUT_LEGAL_FORM);
		}
		if (names.core().kind() == NameComparison.Kind.CONTAINED) {
			reasons.add(Reason.NAME_CONTAINED);
		}
		if (names.core().reordered()) {
			reasons.add(Reason.NAME_REORDERED);
		}
		if (names.core().typo() && a.script() == b.script()) {
			reasons.add(Reason.NAME_TYPO);
		}
		return reasons;
	}

	/** The best comparison over every pair of folded forms. */
	private static Names compareNames(Profile a, Profile b) {
		NameComparison best = NameComparison.NONE;
		int bestWords = 0;
		boolean noise = false;
		boolean legalConflict = false;
		for (Profile.NameForm fa : a.forms()) {
			for (Profile.NameForm fb : b.forms()) {
				List<Token> ca = fa.core().isEmpty() ? fa.all() : fa.core();
				List<Token> cb = fb.core().isEmpty() ? fb.all() : fb.core();
				NameComparison core = NameComparison.of(ca, cb, a.person());
				if (better(core, best)) {
					best = core;
					bestWords = Math.min(ca.size(), cb.size());
					NameComparison all = (ca == fa.all() && cb == fb.all()) ? core
							: NameComparison.of(fa.all(), fb.all(), a.person());
					noise = all.kind() != NameComparison.Kind.FULL && core.kind() == NameComparison.Kind.FULL;
					legalConflict = !fa.legal().isEmpty() && !fb.legal().isEmpty()
							&& java.util.Collections.disjoint(fa.legal(), fb.legal());
				}
			}
		}
		return new Names(best, bestWords, noise, legalConflict);
	}

	private static boolean better(NameComparison candidate, NameComparison best) {
		int rank = rank(candidate.kind());
		int bestRank = rank(best.kind());
		return rank > bestRank || (rank == bestRank && candidate.similarity() > best.similarity());
	}

	private static int rank(NameComparison.Kind kind) {
		return switch (kind) {
			case FULL -> 3;
			case CONTAINED -> 2;
			case CONFLICT -> 1;
			case NONE -> 0;
		};
	}

	private static boolean intersects(Set<String> a, Set<String> b) {
		for (String value : a) {
			if (b.contains(value)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 127) {
				return false;
			}
		}
		return true;
	}

	private record Names(NameComparison core, int words, boolean noise, boolean legalConflict) {
	}

}
