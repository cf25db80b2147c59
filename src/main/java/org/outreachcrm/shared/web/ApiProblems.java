package org.outreachcrm.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.ConflictException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.OutOfScopeException;
import org.outreachcrm.shared.StaleVersionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps domain exceptions of every module to RFC 9457 problem details, in one place.
 * Validation problems name each field and its reason under {@code errors}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail stale(StaleVersionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				ex.getMessage() + ". Reload it, apply your change again and save.");
		problem.setTitle("Edit conflict");
		problem.setProperty("currentVersion", ex.actualVersion());
		return problem;
	}

	@ExceptionHandler({ ObjectOptimisticLockingFailureException.class, OptimisticLockException.class })
	ProblemDetail concurrentSave(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The record was changed by someone else while you saved. Reload it, apply your change again and save.");
		problem.setTitle("Edit conflict");
		return problem;
	}

	/**
	 * A refused request: a business rule (422) or a write beyond the caller's countries
	 * (403, {@link OutOfScopeException}), its reason a bundle message in the caller's
	 * language and its key kept as {@code code} for scripts.
	 */
	@ExceptionHandler
	ProblemDetail refused(BusinessRuleException ex, WebRequest request) {
		boolean scope = ex instanceof OutOfScopeException;
		boolean conflict = ex instanceof ConflictException;
		String detail = this.messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), apiLocale(request));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				scope ? HttpStatus.FORBIDDEN : conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
				detail);
		problem.setTitle(scope ? "Outside your countries" : conflict ? "Conflict" : "Request refused");
		problem.setProperty("code", ex.messageKey());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidSort(InvalidSortException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("code", "sort.invalid");
		problem.setProperty("allowed", ex.allowed());
		problem.setProperty("errors", List.of(new FieldProblem("sort", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalid(ConstraintViolationException ex, WebRequest request) {
		Locale locale = apiLocale(request);
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldProblem(violation.getPropertyPath().toString(), message(violation, locale)))
			.toList();
		return invalid(errors);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), message(error, apiLocale(request))))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeFilter.BodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.body(RequestSizeFilter.problem("request body", tooLarge.limit()));
			}
			if (cause instanceof StreamConstraintsException constraint) {
				// a string, name, number or nesting past the parser's bounds
				// (crm.requests.max-json-*)
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"The request body exceeds a limit: " + constraint.getOriginalMessage());
				problem.setTitle("Invalid request");
				problem.setProperty("errors", List.of());
				return ResponseEntity.badRequest().body(problem);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		String detail = "The request body is not valid JSON for this request";
		List<FieldProblem> errors = List.of();
		if (ex.getCause() instanceof DatabindException databind) {
			String field = databind.getPath()
				.stream()
				.map((ref) -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			String reason = (databind instanceof InvalidFormatException format)
					? "the value '" + format.getValue() + "' is not allowed here" + allowedValues(format)
					: "the value has the wrong form";
			errors = List.of(new FieldProblem(field, reason));
			detail = field + ": " + reason;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	private static String allowedValues(InvalidFormatException ex) {
		Class<?> target = ex.getTargetType();
		if (target != null && target.isEnum()) {
			return "; use one of " + List.of(target.getEnumConstants());
		}
		return "";
	}

	private ProblemDetail invalid(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream()
					.map(FieldProblem::message)
					.reduce((a, b) -> a + "; " + b)
					.orElse("The request is not valid"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

	// each message names its field by its label ("Name: enter at most 300 characters.")
	private String message(FieldError error, Locale locale) {
		return error.contains(ConstraintViolation.class) ? message(error.unwrap(ConstraintViolation.class), locale)
				: this.messages.getMessage(error, locale);
	}

	private String message(ConstraintViolation<?> violation, Locale locale) {
		return this.messages.getMessage(FieldMessages.of(violation), locale);
	}

	/** One field of a request and why it was refused. */
	record FieldProblem(String field, String message) {
	}

	/**
	 * Scripts have no language cookie: they say what they read in Accept-Language;
	 * without it the request's own language ({@code ?lang=}, cookie) holds.
	 */
	private static Locale apiLocale(WebRequest request) {
		String acceptLanguage = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		return (acceptLanguage != null) ? ApiLanguage.of(acceptLanguage) : LocaleContextHolder.getLocale();
	}

}
