package org.outreachcrm.directory;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Tags are compared as typed but trimmed, single-spaced and lower-cased. */
public final class Tags {

	static final int MAX_LENGTH = 64;

	private Tags() {
	}

	public static Set<String> normalize(Collection<String> tags) {
		Set<String> out = new TreeSet<>();
		for (String tag : tags) {
			String normalized = normalize(tag);
			if (!normalized.isEmpty()) {
				out.add(normalized);
			}
		}
		return out;
	}

	static String normalize(String tag) {
		String normalized = tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return normalized.length() > MAX_LENGTH ? normalized.substring(0, MAX_LENGTH) : normalized;
	}

}
