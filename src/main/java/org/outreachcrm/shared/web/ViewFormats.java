package org.outreachcrm.shared.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.Countries;
import org.outreachcrm.shared.DateFormats;
import org.outreachcrm.shared.ErasedPersonName;
import org.outreachcrm.shared.RecordNames;
import org.outreachcrm.shared.TextFolding;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/**
 * Formats templates call as {@code ${@formats...}}: country names and dates in the user's
 * language. A bean rather than static calls because Thymeleaf restricts {@code T(..)}
 * expressions.
 */
@Component("formats")
public class ViewFormats {

	private final MessageSource messages;

	private final ObjectProvider<RecordNames> names;

	public ViewFormats(MessageSource messages, ObjectProvider<RecordNames> names) {
		this.messages = messages;
		this.names = names;
	}

	/**
	 * Whether a page's total is exact; false when it is a lower bound ("more than
	 * 1,000"), see {@link org.outreachcrm.shared.LowerBoundTotal}.
	 */
	public boolean totalExact(Object page) {
		return !(page instanceof org.outreachcrm.shared.LowerBoundTotal bounded) || bounded.isTotalExact();
	}

	private static final String STAFF_NAMES = ViewFormats.class.getName() + ".staff";

	/** The cookie {@code app.js} sets to the browser's zone. */
	public static final String ZONE_COOKIE = "tz";

	/** The request attribute that carries the signed-in user's zone setting. */
	public static final String ZONE_ATTRIBUTE = ViewFormats.class.getName() + ".zone";

	// "UTC" rather than ZoneOffset.UTC ("Z"): the name people read
	private static final ZoneId UTC = ZoneId.of("UTC");

	/** The country's name in the user's language; empty for no country. */
	public String country(@Nullable String code) {
		return (code == null || code.isBlank()) ? "" : Countries.displayName(code, LocaleContextHolder.getLocale());
	}

	/** All countries sorted by their name in the user's language, for pickers. */
	public List<Countries.Country> countries() {
		return Countries.all(LocaleContextHolder.getLocale());
	}

	/**
	 * The viewer's time zone: the browser's, which {@code app.js} keeps in the
	 * {@value #ZONE_COOKIE} cookie; UTC outside a request or without one (the server
	 * cannot guess where the person sits).
	 */
	public ZoneId zone() {
		return currentZone();
	}

	/**
	 * The current request's viewer zone: the user's setting (which the accounts module
	 * puts in the {@value #ZONE_ATTRIBUTE} request attribute), else the browser's from
	 * the {@value #ZONE_COOKIE} cookie; UTC outside a request or without either.
	 */
	public static ZoneId currentZone() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? zone(attributes.getRequest()) : UTC;
	}

	/**
	 * The request's viewer zone: the user's setting, else the browser's; UTC if neither.
	 */
	public static ZoneId zone(HttpServletRequest request) {
		if (request.getAttribute(ZONE_ATTRIBUTE) instanceof ZoneId zone) {
			return zone;
		}
		Cookie cookie = WebUtils.getCookie(request, ZONE_COOKIE);
		return zone((cookie == null) ? null : cookie.getValue());
	}

	/** The browser's zone, if the request's {@value #ZONE_COOKIE} cookie names one. */
	public static Optional<ZoneId> browserZone(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, ZONE_COOKIE);
		if (cookie == null || cookie.getValue().isBlank()) {
			return Optional.empty();
		}
		ZoneId zone = zone(cookie.getValue());
		return (zone.equals(UTC) && !"UTC".equals(cookie.getValue().strip())) ? Optional.empty() : Optional.of(zone);
	}

	/** The zone a cookie value names; UTC if none or unknown. */
	public static ZoneId zone(@Nullable String cookie) {
		if (cookie == null || cookie.isBlank()) {
			return UTC;
		}
		try {
			return ZoneId.of(URLDecoder.decode(cookie.strip(), StandardCharsets.UTF_8));
		}
		catch (DateTimeException | IllegalArgumentException ex) {
			return UTC;
		}
	}

	/** The viewer's zone as people read it, such as "Europe/Warsaw". */
	public String zoneName() {
		return zone().getId();
	}

	/** Whether {@code zone} tells another time than the viewer's zone (now). */
	public boolean otherZone(@Nullable ZoneId zone) {
		if (zone == null) {
			return false;
		}
		ZoneId viewer = zone();
		return !zone.normalized().equals(viewer.normalized()) && !zone.getRules().equals(viewer.getRules());
	}

	/**
	 * A moment in the viewer's zone, as the one date-and-time format of the user's
	 * language: the medium date and the 24-hour time ("7 gru 2026, 14:05").
	 */
	public String instant(@Nullable Instant instant) {
		return (instant == null) ? "" : instantIn(instant, zone());
	}

	/** A moment in the given zone, in the same format as {@link #instant(Instant)}. */
	public String instantIn(@Nullable Instant instant, @Nullable ZoneId zone) {
		return (instant == null) ? "" : dateTime(LocalDateTime.ofInstant(instant, (zone == null) ? UTC : zone));
	}

	/**
	 * A moment in the zone a setting names (such as a schedule's), as {@link #instantIn}.
	 */
	public String instantIn(@Nullable Instant instant, @Nullable String zone) {
		return instantIn(instant, (zone == null) ? null : zone(zone));
	}

	/** A wall-clock date and time in the one format of the user's language. */
	public String dateTime(@Nullable LocalDateTime local) {
		return (local == null) ? "" : DateFormats.dateTime(local, LocaleContextHolder.getLocale());
	}

	/**
	 * A person's name as stored, except an erased person's, which reads in the user's
	 * language.
	 */
	public @Nullable String person(@Nullable String name) {
		OptionalLong erased = ErasedPersonName.id(name);
		return erased.isEmpty() ? name : this.messages.getMessage("contact.erased",
				new Object[] { String.valueOf(erased.getAsLong()) }, LocaleContextHolder.getLocale());
	}

	/**
	 * A calendar date as the language's medium date ("7 Dec 2026", "7 gru 2026"), the
	 * same date {@link #instant(Instant)} shows.
	 */
	public String date(@Nullable LocalDate date) {
		return (date == null) ? "" : DateFormats.date(date, LocaleContextHolder.getLocale());
	}

	/**
	 * A staff user named by the login name a record keeps ("created by", "logged by"):
	 * their display name, or the login name itself for an account that is gone or has
	 * none. Names are looked up once per request.
	 */
	public String staff(@Nullable String username) {
		if (username == null || username.isBlank()) {
			return "";
		}
		Map<String, String> known = staffNames();
		String name = known.get(username);
		if (name == null) {
			name = username;
			for (RecordNames source : this.names) {
				String displayName = source.userNames(Set.of(username)).get(username);
				if (displayName != null && !displayName.isBlank()) {
					name = displayName;
					break;
				}
			}
			known.put(username, name);
		}
		return name;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> staffNames() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return new HashMap<>();
		}
		HttpServletRequest request = attributes.getRequest();
		if (!(request.getAttribute(STAFF_NAMES) instanceof Map<?, ?> known)) {
			Map<String, String> created = new HashMap<>();
			request.setAttribute(STAFF_NAMES, created);
			return created;
		}
		return (Map<String, String>) known;
	}

	/** A language's name in the user's language (e.g. "pl" as "Polish"). */
	public String language(@Nullable String code) {
		return (code == null || code.isBlank()) ? ""
				: new Locale(code).getDisplayLanguage(LocaleContextHolder.getLocale());
	}

	/** All ISO 639 languages with their names in the user's language, for pickers. */
	public List<Choice> languages() {
		Locale locale = LocaleContextHolder.getLocale();
		return Arrays.stream(Locale.getISOLanguages())
			.map((code) -> new Choice(code, new Locale(code).getDisplayLanguage(locale)))
			.sorted(Comparator.comparing((Choice language) -> TextFolding.fold(language.name())))
			.toList();
	}

	/** A code and its name in the user's language. */
	public record Choice(String code, String name) {
	}

}
