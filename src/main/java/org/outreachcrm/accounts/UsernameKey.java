package org.outreachcrm.accounts;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import org.jspecify.annotations.Nullable;

/**
 * How user names are compared. Two names are the same user name when their NFKC case
 * folds are equal ({@code ADMIN}, {@code Admin} and full-width {@code ａｄｍｉｎ} are all
 * {@code admin}); the folded form is stored beside the name as typed and is unique. Two
 * different names are confusable when Unicode's confusable skeletons (UTS #39, ICU's
 * {@link SpoofChecker}) of their folds are equal: Cyrillic {@code аdmin} and
 * {@code admin}, {@code paypa1} and {@code paypal}.
 */
public final class UsernameKey {

	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE)
		.build();

	private UsernameKey() {
	}

	/** The form user names are compared and stored unique in; null for blank input. */
	public static @Nullable String fold(@Nullable String username) {
		if (username == null || username.isBlank()) {
			return null;
		}
		return NFKC_CASEFOLD.normalize(username.strip());
	}

	/** The confusable skeleton of a user name's fold. */
	static String skeleton(String username) {
		String folded = fold(username);
		return (folded == null) ? "" : CONFUSABLES.getSkeleton(folded);
	}

}
