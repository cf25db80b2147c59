package org.outreachcrm.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.MultipartConfigElement;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.directory.bulk.RevertOutcome;
import org.outreachcrm.imports.ImportOptions;
import org.outreachcrm.imports.ImportStatus;
import org.outreachcrm.imports.ImportView;
import org.outreachcrm.imports.Imports;
import org.outreachcrm.imports.MappingReview;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import screens: history, upload, mapping review, the run with its live progress,
 * the rejection report and undo. An upload is prepared, not started, so that the admin
 * sees how the columns will be read before anything is written.
 */
@PageController
@RequestMapping("/imports")
@PreAuthorize("hasRole('ADMIN')")
class ImportPageController {

	static final int PAGE_SIZE = 20;

	static final int PREVIEW_ROWS = 5;

	static final int PROBLEMS_SHOWN = 200;

	/** Possible duplicates named on a run's page; more are reviewed in the queue. */
	static final int DUPLICATES_SHOWN = 10;

	private final Imports imports;

	private final Clock clock;

	private final long maxFileBytes;

	ImportPageController(Imports imports, Clock clock, ObjectProvider<MultipartConfigElement> multipart) {
		this.imports = imports;
		this.clock = clock;
		MultipartConfigElement config = multipart.getIfAvailable();
		this.maxFileBytes = (config != null) ? config.getMaxFileSize() : -1;
	}

	@GetMapping
	String history(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		model.addAttribute("runs", this.imports.history(PageRequest.of(Math.max(0, page), PAGE_SIZE), locale));
		model.addAttribute("now", this.clock.instant());
		return "imports/import-list";
	}

	/**
	 * Where an upload larger than the limit is sent back to (by
	 * {@code shared.web.RequestSizeFilter}, before any of it is read): the form again,
	 * saying so.
	 */
	@GetMapping(params = "tooLarge")
	String uploadTooLarge(Model model) {
		UploadForm form = new UploadForm();
		BindingResult result = new BeanPropertyBindingResult(form, "form");
		result.reject("import.file.tooLarge",
				new Object[] { String.valueOf(Math.round(this.maxFileBytes / (1024.0 * 1024.0))) }, null);
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		return upload(model);
	}

	@GetMapping("/new")
	String uploadForm(Model model) {
		model.addAttribute("form", new UploadForm());
		return upload(model);
	}

	@PostMapping
	String upload(@RequestParam(required = false) @Nullable MultipartFile file, @ModelAttribute("form") UploadForm form,
			BindingResult result, Model model, Principal principal) throws IOException {
		if (file == null || file.isEmpty()) {
			result.reject("import.file.required");
			return upload(model);
		}
		ImportOptions options = new ImportOptions(form.getMode(), form.isDryRun(),
				blankToNull(form.getMappingTemplate()), null, form.getDateOrder(), Map.of());
		String name = (file.getOriginalFilename() == null) ? "upload" : file.getOriginalFilename();
		try (InputStream content = file.getInputStream()) {
			ImportView run = this.imports.prepare(content, name, options, "UI", principal.getName());
			// a file that cannot be read has nothing to review: its page says why
			return (run.status() == ImportStatus.FAILED) ? "redirect:/imports/" + run.id()
					: "redirect:/imports/" + run.id() + "/mapping";
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			return upload(model);
		}
	}

	@GetMapping("/{id}/mapping")
	String mapping(@PathVariable long id, Model model) {
		if (!this.imports.get(id).awaitingReview()) {
			return "redirect:/imports/" + id;
		}
		MappingReview review = this.imports.review(id, PREVIEW_ROWS);
		model.addAttribute("form", MappingForm.of(review));
		return mapping(review, model);
	}

	/** Re-plans from another sheet of the workbook. */
	@PostMapping("/{id}/sheet")
	String chooseSheet(@PathVariable long id, @RequestParam String sheet, RedirectAttributes redirect) {
		try {
			this.imports.chooseSheet(id, sheet);
		}
		catch (BusinessRuleException ex) {
			// the previous sheet stays planned: the admin reads why and chooses again
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashErrorArgs", ex.arguments());
		}
		return "redirect:/imports/" + id + "/mapping";
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable long id, @ModelAttribute("form") MappingForm form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean dryRun, Model model, Principal principal) {
		try {
			this.imports.start(id, dryRun, form.overrides(), blankToNull(form.getTemplateName()), principal.getName());
			return "redirect:/imports/" + id;
		}
		catch (BusinessRuleException ex) {
			Object[] arguments = ex.arguments();
			if (arguments.length == 1 && arguments[0] instanceof ImportField field) {
				// the field is named in the user's language, and its columns are marked
				model.addAttribute("duplicateField", field.name());
				arguments = new Object[] { new DefaultMessageSourceResolvable("ImportField." + field.name()) };
			}
			result.reject(ex.messageKey(), arguments, ex.getMessage());
			return mapping(this.imports.review(id, PREVIEW_ROWS), model);
		}
	}

	/** The run; for htmx's polling, only its progress fragment. */
	@GetMapping("/{id}")
	String run(@PathVariable long id, HtmxRequest htmx, Model model, Locale locale) {
		ImportView run = this.imports.get(id, locale);
		model.addAttribute("run", run);
		model.addAttribute("now", this.clock.instant());
		if (run.finished()) {
			model.addAttribute("problems", this.imports.problems(id, PROBLEMS_SHOWN, locale));
			model.addAttribute("problemsShown", PROBLEMS_SHOWN);
		}
		if (run.possibleDuplicates() != null && run.possibleDuplicates() > 0) {
			model.addAttribute("duplicates", this.imports.possibleDuplicates(id, DUPLICATES_SHOWN));
		}
		return Fragments.pageOrFragment(htmx, "imports/import-run", "progress");
	}

	@GetMapping("/{id}/rejections.xlsx")
	void rejections(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
		this.imports.get(id);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejections.xlsx\"");
		// in the language of the pages of whoever downloads it
		this.imports.writeRejections(id, response.getOutputStream(), locale);
	}

	@PostMapping("/{id}/undo")
	String undo(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			RevertOutcome outcome = this.imports.undo(id, principal.getName());
			redirect.addFlashAttribute("undoOutcome", outcome);
			redirect.addFlashAttribute("flash", "import.undone");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
		}
		return "redirect:/imports/" + id;
	}

	/** Imports the file of a finished dry run for real, with the same mapping. */
	@PostMapping("/{id}/rerun")
	String runForReal(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			return "redirect:/imports/" + this.imports.runForReal(id, principal.getName()).id();
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
			return "redirect:/imports/" + id;
		}
	}

	private String upload(Model model) {
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("dateOrders", DateOrder.values());
		model.addAttribute("templates", this.imports.mappingTemplates());
		return "imports/import-new";
	}

	private String mapping(MappingReview review, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("fields", ImportField.values());
		return "imports/import-mapping";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
