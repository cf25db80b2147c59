package org.outreachcrm.shared.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Time zones to choose from, in the order people look for them: the value already chosen,
 * the browser's zone, the user's own saved zone, the zones of the movement's countries,
 * then every other zone by name; each labelled with its offset from UTC now
 * ("Europe/Warsaw (UTC+01:00)"). Templates call it as {@code @zones.choices(value)}.
 */
@Component("zones")
public class TimeZoneChoices {

	/** Zones of the countries the movement works in most, first after the user's own. */
	static final List<String> COMMON = List.of("Europe/Warsaw", "Europe/Bucharest", "Europe/Chisinau", "Europe/Kyiv",
			"Europe/Berlin", "Europe/Prague", "Europe/Bratislava", "Europe/Budapest", "Europe/Vilnius", "Europe/Riga",
			"Europe/Tallinn", "Europe/Sofia", "Europe/Athens", "Europe/Vienna", "Europe/Rome", "Europe/Paris",
			"Europe/Madrid", "Europe/Brussels", "Europe/Amsterdam", "Europe/London", "Europe/Dublin", "Europe/Lisbon",
			"UTC");

	private final Clock clock;

	TimeZoneChoices(Clock clock) {
		this.clock = clock;
	}

	/** Every zone, {@code selected}, the browser's and the user's saved zone first. */
	public List<Choice> choices(@Nullable String selected) {
		Set<String> ordered = new LinkedHashSet<>();
		addIfValid(ordered, selected);
		HttpServletRequest request = request();
		if (request != null) {
			ViewFormats.browserZone(request).ifPresent((zone) -> ordered.add(zone.getId()));
			if (request.getAttribute(ViewFormats.ZONE_ATTRIBUTE) instanceof ZoneId saved) {
				ordered.add(saved.getId());
			}
		}
		ordered.addAll(COMMON);
		ZoneId.getAvailableZoneIds()
			.stream()
			.filter((id) -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
			.sorted()
			.forEach(ordered::add);
		Instant now = this.clock.instant();
		List<Choice> choices = new ArrayList<>(ordered.size());
		for (String id : ordered) {
			ZoneOffset offset = ZoneId.of(id).getRules().getOffset(now);
			String utc = "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
			choices.add(new Choice(id, id.equals("UTC") ? "UTC" : id.replace('_', ' ') + " (" + utc + ")"));
		}
		return choices;
	}

	private static void addIfValid(Set<String> zones, @Nullable String id) {
		if (id == null || id.isBlank()) {
			return;
		}
		try {
			zones.add(ZoneId.of(id.strip()).getId());
		}
		catch (DateTimeException ex) {
			// not a zone: nothing to put first
		}
	}

	private static @Nullable HttpServletRequest request() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	/** A zone's id and its label. */
	public record Choice(String id, String label) {
	}

}
