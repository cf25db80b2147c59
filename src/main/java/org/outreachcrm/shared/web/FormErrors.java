package org.outreachcrm.shared.web;

import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.validation.BindingResult;

/**
 * Validates the request record a form turns into and reports each problem on the form
 * field the user typed it in. The rules stay on the request records (one place for the
 * API and the pages); the forms are only mutable holders that Thymeleaf can bind.
 */
public final class FormErrors {

	private static final Set<String> REQUIRED = Set.of("NotNull", "NotBlank", "NotEmpty");

	private FormErrors() {
	}

	/**
	 * Reports the constraint violations of {@code request} on {@code result}.
	 * @param aliases request properties that the form shows under another field (for
	 * example a class-level rule shown next to the field it concerns)
	 */
	public static void validate(Validator validator, Object request, BindingResult result,
			Map<String, String> aliases) {
		for (ConstraintViolation<Object> violation : validator.validate(request)) {
			String property = topProperty(violation.getPropertyPath());
			String field = aliases.getOrDefault(property, property);
			if (!field.isEmpty() && result.getFieldType(field) != null) {
				// the message is already interpolated in the user's language; "required"
				// reads better to a person than "must not be null"
				String code = REQUIRED.contains(constraint(violation)) ? "validation.required" : "invalid";
				result.rejectValue(field, code, violation.getMessage());
			}
			else {
				result.reject("invalid", violation.getMessage());
			}
		}
	}

	private static String constraint(ConstraintViolation<?> violation) {
		return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
	}

	private static String topProperty(Path path) {
		for (Path.Node node : path) {
			if (node.getName() != null) {
				return node.getName();
			}
		}
		return "";
	}

}
