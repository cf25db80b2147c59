package org.outreachcrm.directory.web;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.OutOfScopeException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.FormErrors;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the organization and contact pages create, save and delete a record: validation
 * errors and broken business rules go back to the form, a colleague's newer version is
 * shown beside the user's unsaved input, and each outcome has the kind's own message
 * ({@code organization.saved}, {@code contact.conflict}).
 *
 * @param <R> the request the form produces
 * @param <D> the details of a saved record
 */
final class RecordEditing<R, D> {

	private final String kind;

	private final String path;

	private final Validator validator;

	private final Map<String, String> aliases;

	private final Service<R, D> service;

	/**
	 * @param kind prefix of the messages, such as {@code contact}
	 * @param path where the records live, such as {@code /contacts}
	 * @param aliases class-level rules and the field the user fixes them in
	 */
	RecordEditing(String kind, String path, Validator validator, Map<String, String> aliases, Service<R, D> service) {
		this.kind = kind;
		this.path = path;
		this.validator = validator;
		this.aliases = aliases;
		this.service = service;
	}

	/** Creates the record and shows it, or shows the form again with what is wrong. */
	String create(R request, BindingResult result, Supplier<String> form, RedirectAttributes redirect) {
		FormErrors.validate(this.validator, request, result, this.aliases);
		if (result.hasErrors()) {
			return form.get();
		}
		try {
			long id = this.service.id().applyAsLong(this.service.create().apply(request));
			redirect.addFlashAttribute("flash", this.kind + ".created");
			return "redirect:" + this.path + "/" + id;
		}
		catch (BusinessRuleException ex) {
			reject(result, ex);
			return form.get();
		}
	}

	/**
	 * Saves the record and shows it. When someone saved it meanwhile, the form comes back
	 * with their version as {@code theirs}, and {@code rebase} takes its version so that
	 * saving again is a deliberate choice to replace it.
	 */
	String update(long id, R request, BindingResult result, Model model, Consumer<Long> rebase, Supplier<String> form,
			RedirectAttributes redirect) {
		FormErrors.validate(this.validator, request, result, this.aliases);
		if (result.hasErrors()) {
			return form.get();
		}
		try {
			this.service.update().update(id, request);
			redirect.addFlashAttribute("flash", this.kind + ".saved");
			return "redirect:" + this.path + "/" + id;
		}
		catch (StaleVersionException ex) {
			D theirs = this.service.get().apply(id);
			model.addAttribute("theirs", theirs);
			rebase.accept(this.service.version().applyAsLong(theirs));
			result.reject(this.kind + ".conflict");
			return form.get();
		}
		catch (BusinessRuleException ex) {
			reject(result, ex);
			return form.get();
		}
	}

	/** Deletes the record unless someone changed it since the user saw it. */
	String delete(long id, @Nullable Long version, RedirectAttributes redirect) {
		try {
			this.service.delete().delete(id, version);
			redirect.addFlashAttribute("flash", this.kind + ".deleted");
			return "redirect:" + this.path;
		}
		catch (StaleVersionException ex) {
			redirect.addFlashAttribute("flashError", this.kind + ".deleteConflict");
			return "redirect:" + this.path + "/" + id;
		}
		catch (OutOfScopeException ex) {
			// the record is linked to others out of the user's sight: say why, keep it
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashErrorArgs", ex.arguments());
			return "redirect:" + this.path + "/" + id;
		}
	}

	private static void reject(BindingResult result, BusinessRuleException ex) {
		result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
	}

	/** The service calls of one kind of record, and how to read its id and version. */
	record Service<R, D>(LongFunction<D> get, Function<R, D> create, Update<R> update, Delete delete,
			ToLongFunction<D> id, ToLongFunction<D> version) {
	}

	@FunctionalInterface
	interface Update<R> {

		void update(long id, R request);

	}

	@FunctionalInterface
	interface Delete {

		void delete(long id, @Nullable Long version);

	}

}
