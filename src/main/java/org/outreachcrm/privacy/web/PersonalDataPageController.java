package org.outreachcrm.privacy.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.privacy.PersonalData;
import org.outreachcrm.privacy.PersonalDataExport;
import org.outreachcrm.shared.web.PageController;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact page's export downloads, the erasure with its confirm step and the erasure
 * log (ADMIN).
 */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class PersonalDataPageController {

	/** Shortest and longest text the search for deleted people takes. */
	static final int MIN_FIND = 2;

	static final int MAX_FIND = 200;

	/** How many deleted people a search shows. */
	static final int FOUND = 20;

	private final PersonalData personalData;

	private final Contacts contacts;

	PersonalDataPageController(PersonalData personalData, Contacts contacts) {
		this.personalData = personalData;
		this.contacts = contacts;
	}

	@GetMapping(path = "/contacts/{id}/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<PersonalDataExport> exportJson(@PathVariable long id) {
		PersonalDataExport export = this.personalData.export(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, PersonalDataDownloads.attachment(export, "json"))
			.body(export);
	}

	@GetMapping("/contacts/{id}/personal-data.xlsx")
	@ResponseBody
	ResponseEntity<byte[]> exportXlsx(@PathVariable long id) throws IOException {
		return PersonalDataDownloads.xlsx(this.personalData.export(id));
	}

	/**
	 * The erasure log, a field for the id of a person to erase, and a search for people
	 * deleted earlier by name or e-mail ({@code find}): a deleted person has no contact
	 * page to start from, and the audit log names records rather than showing ids.
	 */
	@GetMapping("/admin/erasures")
	String erasures(@RequestParam(required = false) @Nullable Long contactId,
			@RequestParam(required = false) @Nullable String find, Model model, HttpServletResponse response) {
		if (contactId != null) {
			return "redirect:/contacts/" + contactId + "/erase";
		}
		String text = (find == null) ? "" : find.strip();
		model.addAttribute("find", text);
		if (!text.isEmpty()) {
			if (text.length() < MIN_FIND || text.length() > MAX_FIND) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("findInvalid", true);
			}
			else {
				model.addAttribute("deletedPeople", this.personalData.findDeleted(text, FOUND));
			}
		}
		model.addAttribute("minFind", MIN_FIND);
		model.addAttribute("maxFind", MAX_FIND);
		model.addAttribute("erasures", this.personalData.erasures());
		return "privacy/erasures";
	}

	@GetMapping("/contacts/{id}/erase")
	String confirm(@PathVariable long id, Model model) {
		model.addAttribute("contact", this.personalData.personToErase(id));
		return "privacy/erase-confirm";
	}

	@PostMapping("/contacts/{id}/erase")
	String erase(@PathVariable long id, RedirectAttributes redirect) {
		boolean deleted = !this.contacts.exists(id);
		this.personalData.erase(id);
		redirect.addFlashAttribute("flash", "privacy.erased");
		// a deleted person has no page to return to
		return deleted ? "redirect:/admin/erasures" : "redirect:/contacts/" + id;
	}

}
