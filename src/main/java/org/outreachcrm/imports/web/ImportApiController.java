package org.outreachcrm.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.directory.bulk.RevertOutcome;
import org.outreachcrm.imports.ImportOptions;
import org.outreachcrm.imports.ImportView;
import org.outreachcrm.imports.Imports;
import org.outreachcrm.imports.ProblemView;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.shared.web.ApiLanguage;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "Partner lists from spreadsheets (ADMIN)")
class ImportApiController {

	private final Imports imports;

	ImportApiController(Imports imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a spreadsheet (XLSX, XLSM, XLS, ODS, CSV, TSV)",
			description = "Answers 202 at once; follow GET /api/imports/{id}. A file that cannot be read ends FAILED with the reason in message.")
	ResponseEntity<ImportView> submit(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "CREATE_AND_UPDATE") ImportMode mode,
			@RequestParam(required = false) @Nullable String mappingTemplate,
			@RequestParam(required = false) @Nullable String sheet,
			@RequestParam(defaultValue = "DAY_FIRST") DateOrder dateOrder, Principal principal,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language)
			throws IOException {
		ImportOptions options = new ImportOptions(mode, dryRun, blankToNull(mappingTemplate), blankToNull(sheet),
				dateOrder, Map.of());
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		try (InputStream content = file.getInputStream()) {
			ImportView submitted = this.imports.submit(content, name, options, "API", principal.getName());
			ImportView run = this.imports.get(submitted.id(), ApiLanguage.of(language));
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.location(URI.create("/api/imports/" + run.id()))
				.body(run);
		}
	}

	@GetMapping
	@Operation(summary = "Import history, newest first",
			description = "Messages are in the language of Accept-Language (en, pl, ro; English by default).")
	PagedModel<ImportView> history(Pageable pageable,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language) {
		return new PagedModel<>(this.imports.history(pageable, ApiLanguage.of(language)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Status, counts and message of one import",
			description = "message is a sentence in the language of Accept-Language (en, pl, ro; English by default); messageCode is its stable key.")
	ImportView get(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language) {
		return this.imports.get(id, ApiLanguage.of(language));
	}

	@GetMapping("/{id}/problems")
	@Operation(summary = "Warnings and rejections by row and column (first 1000)",
			description = "message is a sentence in the language of Accept-Language (en, pl, ro; English by default); messageCode is its stable key.")
	List<ProblemView> problems(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language) {
		return this.imports.problems(id, 1000, ApiLanguage.of(language));
	}

	@GetMapping("/{id}/rejections")
	@Operation(summary = "The rejected rows as XLSX: original columns plus the reason",
			description = "Headers and reasons are in the language of Accept-Language (en, pl, ro; English by default).")
	void rejections(@PathVariable long id, HttpServletResponse response,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language)
			throws IOException {
		this.imports.get(id);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejections.xlsx\"");
		this.imports.writeRejections(id, response.getOutputStream(), ApiLanguage.of(language));
	}

	@PostMapping("/{id}/undo")
	@Operation(summary = "Revert a finished import",
			description = "Removes what it created and restores what it changed, except what was edited since (listed in keptBecauseEdited)")
	RevertOutcome undo(@PathVariable long id, Principal principal) {
		return this.imports.undo(id, principal.getName());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
