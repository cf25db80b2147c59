package org.outreachcrm.meetings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TrackedEntity;
import org.hibernate.annotations.Filter;
import org.outreachcrm.shared.ScopeRules;

@Entity
@Filter(name = ScopeRules.FILTER, condition = ScopeRules.MEETING, deduceAliasInjectionPoints = false)
@Table(name = "meeting")
@Audited
class Meeting extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String title = "";

	@Column(columnDefinition = "text")
	private @Nullable String purpose;

	private Instant startsAt = Instant.EPOCH;

	private Instant endsAt = Instant.EPOCH;

	private String timeZone = "UTC";

	private @Nullable String place;

	private @Nullable String onlineLink;

	private long organizerId;

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Meeting not saved yet");
		}
		return this.id;
	}

	void apply(MeetingRequest request, ZoneId zone, long organizerId) {
		this.title = request.title().strip();
		this.purpose = blankToNull(request.purpose());
		this.startsAt = request.startsAt();
		this.endsAt = request.endsAt();
		this.timeZone = zone.getId();
		this.place = blankToNull(request.place());
		this.onlineLink = blankToNull(request.onlineLink());
		this.organizerId = organizerId;
	}

	MeetingView toView() {
		ZoneId zone = ZoneId.of(this.timeZone);
		return new MeetingView(id(), this.title, this.purpose, this.startsAt, this.endsAt, zone,
				LocalDateTime.ofInstant(this.startsAt, zone), LocalDateTime.ofInstant(this.endsAt, zone), this.place,
				this.onlineLink, this.organizerId, version());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
