package org.outreachcrm.shared.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A constraint violation as a message that names the field by its label, in the reader's
 * language: "Name: enter at most 300 characters.", "Nazwa: maksymalna liczba znaków to
 * 300.". Pages (through {@link FormErrors}) and the API (through {@code ApiProblems})
 * resolve the same {@link MessageSourceResolvable}, so both read alike.
 * <p>
 * The label is the first of {@code field.<Request>.<property>}, {@code field.<property>}
 * and the history's {@code history.field.<column>} that the bundles hold. The reason of a
 * standard constraint is {@code validation.reason.<Constraint>[.<property>]}, written to
 * follow the label; a rule with its own message keeps that message.
 */
public final class FieldMessages {

	/** The message that puts a label before a reason: "{0}: {1}". */
	static final String LABELLED = "validation.labelled";

	/** The message of a rule on the whole request, whose reason stands alone: "{0}". */
	static final String UNLABELLED = "validation.unlabelled";

	private static final String STANDARD = "{jakarta.validation.constraints.";

	private static final Pattern BUNDLE_KEY = Pattern.compile("\\{([\\w.-]+)\\}");

	private FieldMessages() {
	}

	/**
	 * The violation's message with its field's label: one code ({@code getCode()}) whose
	 * arguments resolve to the label and the reason.
	 */
	public static DefaultMessageSourceResolvable of(ConstraintViolation<?> violation) {
		MessageSourceResolvable reason = reason(violation);
		String property = leafProperty(violation.getPropertyPath());
		if (property.isEmpty()) {
			return new DefaultMessageSourceResolvable(new String[] { UNLABELLED }, new Object[] { reason },
					violation.getMessage());
		}
		return new DefaultMessageSourceResolvable(new String[] { LABELLED },
				new Object[] { label(violation.getRootBeanClass(), property), reason }, violation.getMessage());
	}

	/** The label of a request's property, as the bundles name it. */
	public static MessageSourceResolvable label(Class<?> request, String property) {
		return new DefaultMessageSourceResolvable(new String[] { "field." + request.getSimpleName() + "." + property,
				"field." + property, "history.field." + snakeCase(property) }, property);
	}

	/** The codes that name the reason of a standard constraint, most specific first. */
	static MessageSourceResolvable reason(ConstraintViolation<?> violation) {
		ConstraintDescriptor<?> constraint = violation.getConstraintDescriptor();
		String template = violation.getMessageTemplate();
		if (!template.startsWith(STANDARD)) {
			// a rule with a message of its own ("must be a web address such as ..."),
			// looked
			// up again so that the API can answer in the caller's language
			Matcher key = BUNDLE_KEY.matcher(template);
			return new DefaultMessageSourceResolvable(key.matches() ? new String[] { key.group(1) } : new String[0],
					violation.getMessage());
		}
		String type = constraint.getAnnotation().annotationType().getSimpleName();
		Map<String, Object> attributes = constraint.getAttributes();
		String variant = "";
		Object[] arguments = {};
		if ("Size".equals(type)) {
			int min = (Integer) attributes.get("min");
			int max = (Integer) attributes.get("max");
			Object value = violation.getInvalidValue();
			boolean text = !(value instanceof Collection<?> || value instanceof Map<?, ?>
					|| (value != null && value.getClass().isArray()));
			variant = (text ? ".text" : ".items")
					+ ((min == 0) ? "AtMost" : (max == Integer.MAX_VALUE) ? "AtLeast" : "");
			arguments = new Object[] { min, max };
		}
		else if (attributes.containsKey("value")) {
			arguments = new Object[] { attributes.get("value") };
		}
		String property = leafProperty(violation.getPropertyPath());
		List<String> codes = new ArrayList<>();
		if (!property.isEmpty()) {
			codes.add("validation.reason." + type + variant + "." + property);
		}
		codes.add("validation.reason." + type + variant);
		return new DefaultMessageSourceResolvable(codes.toArray(String[]::new), arguments, violation.getMessage());
	}

	/**
	 * The innermost named property ("dueOn" of "followUp.dueOn", "tags" of
	 * "tags[0].&lt;list element&gt;"); empty for a rule on the whole request.
	 */
	static String leafProperty(Path path) {
		String leaf = "";
		for (Path.Node node : path) {
			String name = node.getName();
			if (name != null && !name.startsWith("<") && node.getKind() != jakarta.validation.ElementKind.METHOD) {
				leaf = name;
			}
		}
		return leaf;
	}

	static String snakeCase(String property) {
		return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
