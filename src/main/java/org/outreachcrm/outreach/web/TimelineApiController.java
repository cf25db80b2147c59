package org.outreachcrm.outreach.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.outreach.ColdOrganization;
import org.outreachcrm.outreach.ColdOrganizations;
import org.outreachcrm.outreach.Timeline;
import org.outreachcrm.outreach.TimelineEntry;
import org.outreachcrm.outreach.TimelineSubject;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Timelines", description = "What happened with an organization or a person, newest first")
class TimelineApiController {

	private final Timeline timeline;

	private final ColdOrganizations cold;

	TimelineApiController(Timeline timeline, ColdOrganizations cold) {
		this.timeline = timeline;
		this.cold = cold;
	}

	@GetMapping("/api/organizations/{id}/timeline")
	@Operation(summary = "Timeline of an organization",
			description = "interactions, follow-ups, stage changes and meeting participation, newest first")
	PagedModel<TimelineEntry> organization(@PathVariable long id, Pageable pageable) {
		return new PagedModel<>(this.timeline.of(TimelineSubject.ORGANIZATION, id, pageable));
	}

	@GetMapping("/api/contacts/{id}/timeline")
	@Operation(summary = "Timeline of a person",
			description = "interactions, their follow-ups and meeting participation, newest first")
	PagedModel<TimelineEntry> contact(@PathVariable long id, Pageable pageable) {
		return new PagedModel<>(this.timeline.of(TimelineSubject.CONTACT, id, pageable));
	}

	@GetMapping("/api/outreach/cold-organizations")
	@Operation(summary = "Organizations going cold, longest silence first",
			description = "no interaction for days (default crm.outreach.cold-after-days), or never contacted and created that long ago")
	PagedModel<ColdOrganization> cold(@RequestParam(required = false) @Nullable Integer days, Pageable pageable) {
		return new PagedModel<>(this.cold.list(days, pageable));
	}

}
