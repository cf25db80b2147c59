package org.outreachcrm.meetings.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.meetings.Attendance;
import org.outreachcrm.meetings.AttendanceRequest;
import org.outreachcrm.meetings.BulkInvitation;
import org.outreachcrm.meetings.Delegation;
import org.outreachcrm.meetings.InvitationChange;
import org.outreachcrm.meetings.InvitationRequest;
import org.outreachcrm.meetings.InvitationView;
import org.outreachcrm.meetings.MeetingExports;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Meetings", description = "International coordination meetings, invitations, attendance and exports")
class MeetingApiController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType ICS = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Meetings meetings;

	private final MeetingExports exports;

	MeetingApiController(Meetings meetings, MeetingExports exports) {
		this.meetings = meetings;
		this.exports = exports;
	}

	@GetMapping
	@Operation(summary = "List meetings, latest first")
	PagedModel<MeetingView> list(Pageable pageable) {
		return new PagedModel<>(this.meetings.list(pageable));
	}

	@PostMapping
	@Operation(summary = "Plan a meeting", description = "organizerId defaults to the current user")
	ResponseEntity<MeetingView> create(@Valid @RequestBody MeetingRequest request) {
		MeetingView created = this.meetings.create(request);
		return ResponseEntity.created(URI.create("/api/meetings/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a meeting")
	MeetingView get(@PathVariable long id) {
		return this.meetings.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a meeting", description = "a stale version answers 409")
	MeetingView update(@PathVariable long id, @Valid @RequestBody MeetingRequest request) {
		return this.meetings.update(id, request);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a meeting and its invitations", description = "logged interactions stay")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
		this.meetings.delete(id, version);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/invitations")
	@Operation(summary = "People invited to a meeting")
	List<InvitationView> invitations(@PathVariable long id) {
		return this.meetings.invitations(id);
	}

	@PostMapping("/{id}/invitations")
	@Operation(summary = "Invite a person for an organization")
	ResponseEntity<InvitationView> invite(@PathVariable long id, @Valid @RequestBody InvitationRequest request) {
		InvitationView created = this.meetings.invite(id, request);
		return ResponseEntity.created(URI.create("/api/meetings/" + id + "/invitations/" + created.id())).body(created);
	}

	@PostMapping("/{id}/invitations/bulk")
	@Operation(summary = "Invite several people at once",
			description = "{\"contactIds\":[], \"organizationId\", \"everyoneOf\"}: each person for organizationId or, "
					+ "without it, the organization they work for now; everyoneOf adds every person working for that "
					+ "organization now. People already invited are skipped; answers the new invitations")
	ResponseEntity<List<InvitationView>> inviteAll(@PathVariable long id, @Valid @RequestBody BulkInvitation request) {
		return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
			.body(this.meetings.inviteAll(id, request));
	}

	@PutMapping("/{id}/invitations/{invitationId}")
	@Operation(summary = "Change the status of an invitation",
			description = "ATTENDED logs the organization's EVENT interaction; a stale version answers 409")
	InvitationView changeInvitation(@PathVariable long id, @PathVariable long invitationId,
			@Valid @RequestBody InvitationChange change) {
		return this.meetings.changeInvitation(id, invitationId, change);
	}

	@PostMapping("/{id}/attendance")
	@Operation(summary = "Record who attended",
			description = "one EVENT interaction per organization, listing its attendees; recording again never duplicates it")
	Attendance attendance(@PathVariable long id, @Valid @RequestBody AttendanceRequest request) {
		return this.meetings.recordAttendance(id, request);
	}

	@GetMapping("/{id}/delegation")
	@Operation(summary = "Delegations by country and organization with status counts")
	Delegation delegation(@PathVariable long id) {
		return this.meetings.delegation(id);
	}

	@GetMapping("/{id}/export.xlsx")
	@Operation(summary = "The delegation as an XLSX workbook")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		byte[] workbook = this.exports.delegationWorkbook(id, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("meeting-" + id + ".xlsx").build().toString())
			.body(workbook);
	}

	@GetMapping("/{id}/export.ics")
	@Operation(summary = "The meeting as an iCalendar file")
	ResponseEntity<String> ics(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(ICS)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("meeting-" + id + ".ics").build().toString())
			.body(this.exports.calendar(id));
	}

}
