package org.outreachcrm.duplicates.matching;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The comparable form of a website: its host without scheme, "www.", port, path or
 * trailing slash ("http://www.x.org/" and "https://x.org" are both "x.org"). On hosts
 * that many organizations share (Facebook, Google Sites...) the first path segment is
 * kept, so two pages there are not one website.
 */
public final class WebsiteDomain {

	private static final Set<String> SHARED_HOSTS = Set.of("facebook.com", "m.facebook.com", "fb.com", "instagram.com",
			"linkedin.com", "twitter.com", "x.com", "sites.google.com", "google.com", "youtube.com", "vk.com", "ok.ru",
			"t.me", "linktr.ee", "github.com", "medium.com");

	private WebsiteDomain() {
	}

	/** The domain of {@code website}, or null when nothing host-like is left. */
	public static @Nullable String of(String website) {
		String text = website.strip().toLowerCase(Locale.ROOT);
		int scheme = text.indexOf("://");
		if (scheme >= 0) {
			text = text.substring(scheme + 3);
		}
		int at = text.indexOf('@');
		int slash = text.indexOf('/');
		if (at >= 0 && (slash < 0 || at < slash)) {
			text = text.substring(at + 1);
		}
		String path = "";
		int end = firstOf(text, "/?#");
		if (end >= 0) {
			path = text.substring(end);
			text = text.substring(0, end);
		}
		int port = text.indexOf(':');
		if (port >= 0) {
			text = text.substring(0, port);
		}
		while (text.endsWith(".")) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.startsWith("www.") || text.startsWith("www2.") || text.startsWith("www3.")) {
			text = text.substring(text.indexOf('.') + 1);
		}
		if (!text.contains(".") || text.length() < 4) {
			return null;
		}
		if (SHARED_HOSTS.contains(text)) {
			String segment = path.replaceFirst("^[/?#]+", "");
			int segmentEnd = firstOf(segment, "/?#");
			segment = (segmentEnd >= 0) ? segment.substring(0, segmentEnd) : segment;
			return segment.isEmpty() ? null : text + "/" + segment;
		}
		return text;
	}

	private static int firstOf(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
