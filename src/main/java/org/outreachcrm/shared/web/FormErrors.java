package org.outreachcrm.shared.web;

import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * Validates the request record a form turns into and reports each problem on the form
 * field the user typed it in. The rules stay on the request records (one place for the
 * API and the pages); the forms are only mutable holders that Thymeleaf can bind.
 */
public final class FormErrors {

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
			// resolved when the page is drawn: "Name: enter at most 300 characters."
			DefaultMessageSourceResolvable message = FieldMessages.of(violation);
			if (!field.isEmpty() && result.getFieldType(field) != null) {
				result.rejectValue(field, message.getCode(), message.getArguments(), message.getDefaultMessage());
			}
			else {
				result.reject(message.getCode(), message.getArguments(), message.getDefaultMessage());
			}
		}
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
