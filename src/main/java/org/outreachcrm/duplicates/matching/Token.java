package org.outreachcrm.duplicates.matching;

/** A folded word of a name and its {@link NameFolding#skeleton}. */
record Token(String word, String skeleton) {

	static Token of(String word) {
		return new Token(word, NameFolding.skeleton(word));
	}

	boolean hasDigit() {
		for (int i = 0; i < this.word.length(); i++) {
			if (Character.isDigit(this.word.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
