package org.outreachcrm.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An ISO 639 language code (e.g. {@code pl}, {@code ro}, {@code en}); null is valid. */
@Documented
@Constraint(validatedBy = LanguageCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageCode {

	String message() default "{validation.languageCode}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the code against the JDK's ISO 639 list. */
	class Validator implements ConstraintValidator<LanguageCode, String> {

		private static final Set<String> CODES = Set.of(Locale.getISOLanguages());

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || CODES.contains(value);
		}

	}

}
