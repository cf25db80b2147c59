package org.outreachcrm.privacy.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.outreachcrm.privacy.PersonalDataExport;
import org.outreachcrm.privacy.PersonalDataWorkbook;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The export as a file download, named by the contact's id only (never their name). */
final class PersonalDataDownloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private PersonalDataDownloads() {
	}

	static ResponseEntity<byte[]> xlsx(PersonalDataExport export) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PersonalDataWorkbook.write(export, out);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(export, "xlsx"))
			.body(out.toByteArray());
	}

	static String attachment(PersonalDataExport export, String extension) {
		return ContentDisposition.attachment()
			.filename("personal-data-contact-" + export.contact().id() + "." + extension)
			.build()
			.toString();
	}

}
