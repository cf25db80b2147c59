package org.outreachcrm.duplicates.matching;

import java.util.List;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Two word lists compared word by word, in any order: each word of one finds its best
 * partner in the other (equal, the same {@link NameFolding#skeleton}, a typo apart, or
 * for people an initial). The outcome says whether every word found a partner on both
 * sides ({@link Kind#FULL}), on one side only ({@link Kind#CONTAINED}), or whether each
 * side kept a word of its own ({@link Kind#CONFLICT}: "Teachers of Łódź" and "Teachers of
 * Kraków" are siblings, not one organization). Another word order counts only as a
 * rotation, words moved from one end to the other ("Dom Kultury Śródmieście" /
 * "Śródmieście Dom Kultury", "Kowalska Anna" / "Anna Kowalska"); inner words swapped
 * ("Zielona Wolna Łódź" / "Wolna Zielona Łódź") are a {@link Kind#CONFLICT} too.
 */
record NameComparison(Kind kind, double similarity, boolean reordered, boolean typo) {

	enum Kind {

		FULL, CONTAINED, CONFLICT, NONE

	}

	private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance();

	static final NameComparison NONE = new NameComparison(Kind.NONE, 0, false, false);

	static NameComparison of(List<Token> a, List<Token> b, boolean person) {
		if (a.isEmpty() || b.isEmpty()) {
			return NONE;
		}
		double[][] sims = new double[a.size()][b.size()];
		for (int i = 0; i < a.size(); i++) {
			for (int j = 0; j < b.size(); j++) {
				sims[i][j] = similarity(a.get(i), b.get(j), person);
			}
		}
		boolean[] usedA = new boolean[a.size()];
		boolean[] usedB = new boolean[b.size()];
		int[] partner = new int[a.size()];
		java.util.Arrays.fill(partner, -1);
		int matched = 0;
		double total = 0;
		boolean typo = false;
		while (true) {
			int bestI = -1;
			int bestJ = -1;
			double best = 0;
			for (int i = 0; i < a.size(); i++) {
				for (int j = 0; j < b.size(); j++) {
					if (!usedA[i] && !usedB[j] && sims[i][j] > best) {
						best = sims[i][j];
						bestI = i;
						bestJ = j;
					}
				}
			}
			if (bestI < 0) {
				break;
			}
			usedA[bestI] = true;
			usedB[bestJ] = true;
			partner[bestI] = bestJ;
			matched++;
			total += best;
			typo |= best < 1;
		}
		if (matched == 0) {
			return NONE;
		}
		int restA = a.size() - matched;
		int restB = b.size() - matched;
		int descents = 0;
		int first = -1;
		int last = -1;
		for (int i = 0; i < a.size(); i++) {
			if (partner[i] >= 0) {
				first = (first < 0) ? partner[i] : first;
				descents += (last >= 0 && partner[i] < last) ? 1 : 0;
				last = partner[i];
			}
		}
		boolean reordered = descents > 0;
		if (reordered && !(descents == 1 && last < first)) {
			// not a rotation: inner words swapped ("Zielona Wolna Łódź" / "Wolna Zielona
			// Łódź") make another name of the same words, not the same name retyped
			return new NameComparison(Kind.CONFLICT, 0, true, typo);
		}
		if (restA > 0 && restB > 0) {
			return new NameComparison(Kind.CONFLICT, 0, reordered, typo);
		}
		if (restA == 0 && restB == 0) {
			return new NameComparison(Kind.FULL, total / matched, reordered, typo);
		}
		return new NameComparison(Kind.CONTAINED, total / Math.max(a.size(), b.size()), reordered, typo);
	}

	/**
	 * 1 for equal words, 0.97 for the same skeleton (another romanization or spelling),
	 * 0.9 for one edit apart (two for long words), 0.85 for an initial of a person's
	 * name, 0 otherwise. Numbers must be equal ("School No 5" is not "School No 6"), and
	 * short words are not guessed at.
	 */
	static double similarity(Token a, Token b, boolean person) {
		if (a.word().equals(b.word())) {
			return 1;
		}
		if (a.hasDigit() || b.hasDigit()) {
			return 0;
		}
		if (a.skeleton().equals(b.skeleton())) {
			return 0.97;
		}
		if (person && (initialOf(a, b) || initialOf(b, a))) {
			return 0.85;
		}
		if (person && genderedForms(a.word(), b.word())) {
			return 0;
		}
		int shortest = Math.min(a.word().length(), b.word().length());
		if (shortest < 4) {
			return 0;
		}
		int distance = Math.min(DISTANCE.apply(a.skeleton(), b.skeleton()), DISTANCE.apply(a.word(), b.word()));
		if (distance <= 1) {
			return 0.9;
		}
		if (distance <= 2 && shortest >= 8) {
			return 0.88;
		}
		return 0;
	}

	/**
	 * Slavic and Baltic names have a feminine form that differs at the end ("Aleksandr"
	 * and "Aleksandra", "Petrov" and "Petrova", "Kowalski" and "Kowalska"): two people,
	 * not a typo.
	 */
	private static boolean genderedForms(String a, String b) {
		boolean femininA = a.endsWith("a");
		boolean femininB = b.endsWith("a");
		if (femininA == femininB) {
			return false;
		}
		String stemA = femininA ? a.substring(0, a.length() - 1) : a;
		String stemB = femininB ? b.substring(0, b.length() - 1) : b;
		int common = 0;
		while (common < stemA.length() && common < stemB.length() && stemA.charAt(common) == stemB.charAt(common)) {
			common++;
		}
		return common >= Math.max(stemA.length(), stemB.length()) - 1;
	}

	private static boolean initialOf(Token initial, Token word) {
		return initial.word().length() == 1 && word.word().length() > 1
				&& word.word().charAt(0) == initial.word().charAt(0);
	}

}
