package org.outreachcrm.privacy.web;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.outreachcrm.privacy.ErasureView;
import org.outreachcrm.privacy.PersonalData;
import org.outreachcrm.privacy.PersonalDataExport;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Personal data", description = "A person's data rights: export and erasure (ADMIN)")
class PersonalDataApiController {

	private final PersonalData personalData;

	PersonalDataApiController(PersonalData personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/api/contacts/{id}/personal-data")
	@Operation(summary = "Everything held about one person, as JSON (ADMIN)",
			description = "Keys: contact, consent, affiliations, interactions, followUps, meetings, history")
	PersonalDataExport export(@PathVariable long id) {
		return this.personalData.export(id);
	}

	@GetMapping("/api/contacts/{id}/personal-data.xlsx")
	@Operation(summary = "Everything held about one person, as XLSX (ADMIN)",
			description = "Sheets: Contact, Consent, Affiliations, Interactions, Follow-ups, Meetings, History")
	ResponseEntity<byte[]> exportXlsx(@PathVariable long id) throws IOException {
		return PersonalDataDownloads.xlsx(this.personalData.export(id));
	}

	@PostMapping("/api/contacts/{id}/erasure")
	@Operation(summary = "Erase a person (ADMIN)",
			description = "Names, e-mails, phones, notes and consent details are removed from the record, its history, the interactions with them and the import logs; counts stay. Answers 204. "
					+ "A person deleted earlier is erased from what was kept about them by the id their record had (the audit log shows it as a deleted contact); "
					+ "an id with no history answers 404.")
	ResponseEntity<Void> erase(@PathVariable long id) {
		this.personalData.erase(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/erasures")
	@Operation(summary = "The erasure log: who erased which contact id, when (ADMIN)")
	List<ErasureView> erasures() {
		return this.personalData.erasures();
	}

}
