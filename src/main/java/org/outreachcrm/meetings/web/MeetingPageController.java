package org.outreachcrm.meetings.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.meetings.AttendanceRequest;
import org.outreachcrm.meetings.BulkInvitation;
import org.outreachcrm.meetings.InvitationChange;
import org.outreachcrm.meetings.InvitationStatus;
import org.outreachcrm.meetings.InvitationView;
import org.outreachcrm.meetings.MeetingExports;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Meetings: the list, the plan form, and the meeting page with its delegation, where
 * people are invited, their status changed and attendance recorded (the backend logs the
 * EVENT interactions), with the exports a browser session can download.
 */
@PageController
@RequestMapping("/meetings")
class MeetingPageController {

	static final int PAGE_SIZE = 25;

	private static final String DETAIL = "meetings/meeting-detail";

	private final Meetings meetings;

	private final MeetingExports exports;

	private final Validator validator;

	private final Clock clock;

	MeetingPageController(Meetings meetings, MeetingExports exports, Validator validator, Clock clock) {
		this.meetings = meetings;
		this.exports = exports;
		this.validator = validator;
		this.clock = clock;
	}

	@ModelAttribute("statuses")
	InvitationStatus[] statuses() {
		return InvitationStatus.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("meetings", this.meetings.list(PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "meetings/meeting-list";
	}

	@GetMapping("/new")
	String newForm(@CookieValue(name = "tz", required = false) @Nullable String tz, Model model) {
		model.addAttribute("form", MeetingForm.in(zone(tz)));
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") MeetingForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		MeetingRequest request = form.toRequest();
		FormErrors.validate(this.validator, request, result, Map.of("startsAt", "startDate", "endsAt", "endDate"));
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			MeetingView created = this.meetings.create(request);
			redirect.addFlashAttribute("flash", "meeting.created");
			return "redirect:/meetings/" + created.id();
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			return form(model, null);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", MeetingForm.of(this.meetings.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") MeetingForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		MeetingRequest request = form.toRequest();
		FormErrors.validate(this.validator, request, result, Map.of("startsAt", "startDate", "endsAt", "endDate"));
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.meetings.update(id, request);
			redirect.addFlashAttribute("flash", "meeting.saved");
			return "redirect:/meetings/" + id;
		}
		catch (StaleVersionException ex) {
			// their version goes into the form: saving again deliberately replaces it
			form.setVersion(this.meetings.get(id).version());
			result.reject("meeting.conflict");
			return form(model, id);
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			return form(model, id);
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("meeting", this.meetings.get(id));
		return delegation(id, model);
	}

	/**
	 * Invites a person for an organization; without one chosen, for the organization the
	 * person works for now (their primary one first).
	 */
	@PostMapping("/{id}/invitations")
	String invite(@PathVariable long id,
			@RequestParam(name = "contactId", required = false) @Nullable List<Long> contactIds,
			@RequestParam(required = false) @Nullable Long organizationId,
			@RequestParam(defaultValue = "false") boolean everyone, HtmxRequest htmx, Model model) {
		List<Long> people = contactIds == null ? List.of() : contactIds.stream().filter(Objects::nonNull).toList();
		if (everyone && organizationId == null) {
			model.addAttribute("inviteError", "meeting.invite.organizationRequired");
		}
		else if (people.isEmpty() && !everyone) {
			model.addAttribute("inviteError", "meeting.invite.contactRequired");
		}
		else {
			// the organization chosen is whom the people represent; "everyone" adds its
			// current people
			act(() -> model.addAttribute("delegationCount",
					this.meetings
						.inviteAll(id, new BulkInvitation(people, organizationId, everyone ? organizationId : null))
						.size()),
					"meeting.invitedMany", model);
		}
		return afterChange(id, htmx, model);
	}

	@PostMapping("/{id}/invitations/{invitationId}")
	String changeStatus(@PathVariable long id, @PathVariable long invitationId, @RequestParam InvitationStatus status,
			@RequestParam long version, HtmxRequest htmx, Model model) {
		act(() -> this.meetings.changeInvitation(id, invitationId, new InvitationChange(status, version)),
				"meeting.statusChanged", model);
		return afterChange(id, htmx, model);
	}

	@PostMapping("/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> contactIds,
			HtmxRequest htmx, Model model) {
		if (contactIds == null || contactIds.isEmpty()) {
			model.addAttribute("inviteError", "meeting.attendance.nobody");
		}
		else {
			act(() -> this.meetings.recordAttendance(id, new AttendanceRequest(contactIds)),
					"meeting.attendanceRecorded", model);
		}
		return afterChange(id, htmx, model);
	}

	@GetMapping("/{id}/export.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(MeetingApiController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment("meeting-" + id + ".xlsx"))
			.body(this.exports.delegationWorkbook(id, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/{id}/export.ics")
	ResponseEntity<String> ics(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(MeetingApiController.ICS)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment("meeting-" + id + ".ics"))
			.body(this.exports.calendar(id));
	}

	private void act(Runnable change, String message, Model model) {
		try {
			change.run();
			model.addAttribute("delegationMessage", message);
		}
		catch (StaleVersionException ex) {
			model.addAttribute("inviteError", "meeting.invitation.conflict");
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("inviteError", ex.messageKey());
		}
	}

	private String afterChange(long id, HtmxRequest htmx, Model model) {
		if (!htmx.isHtmxRequest()) {
			model.addAttribute("meeting", this.meetings.get(id));
		}
		delegation(id, model);
		return Fragments.pageOrFragment(htmx, DETAIL, "delegation");
	}

	private String delegation(long id, Model model) {
		model.addAttribute("meetingId", id);
		model.addAttribute("started", !this.clock.instant().isBefore(this.meetings.get(id).startsAt()));
		model.addAttribute("delegation", this.meetings.delegation(id));
		List<InvitationView> invitations = this.meetings.invitations(id);
		model.addAttribute("invitations", invitations);
		// the status forms change an invitation based on the version shown
		model.addAttribute("versions",
				invitations.stream().collect(Collectors.toMap(InvitationView::id, InvitationView::version)));
		return DETAIL;
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("meetingId", id);
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		return "meetings/meeting-form";
	}

	private static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename).build().toString();
	}

	private static ZoneId zone(@Nullable String tz) {
		try {
			return (tz == null || tz.isBlank()) ? ZoneId.of("UTC") : ZoneId.of(tz.strip());
		}
		catch (DateTimeException ex) {
			return ZoneId.of("UTC");
		}
	}

}
