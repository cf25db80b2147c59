package org.outreachcrm.outreach.web;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.web.ViewFormats;

/**
 * The viewer's time zone from the {@code tz} cookie that {@code app.js} sets from the
 * browser; UTC when the cookie is missing or names no zone (the server cannot guess where
 * the person sits).
 */
final class ViewerZone {

	static final String COOKIE = "tz";

	// "UTC" rather than ZoneOffset.UTC ("Z"): it is the name people read and the zone
	// pickers list
	static final ZoneId UTC = ZoneId.of("UTC");

	private ViewerZone() {
	}

	static ZoneId of(@Nullable String cookie) {
		// one rule for pages and the formats templates call: the user's setting first
		ZoneId current = ViewFormats.currentZone();
		return (current.equals(UTC) && cookie != null) ? ViewFormats.zone(cookie) : current;
	}

}
