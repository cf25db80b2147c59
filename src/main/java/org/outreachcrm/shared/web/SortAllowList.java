package org.outreachcrm.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One rule for every list endpoint: a {@code sort} parameter may only name a property its
 * handler allows ({@link SortableBy}); anything else (a typo, {@code x)}, a column such
 * as {@code passwordHash}) is refused with {@link InvalidSortException}, a 400 problem
 * detail naming the allowed values, before the handler or the database sees it. Page
 * controllers take no {@code Pageable}: their list filters allow-list the sort themselves
 * and fall back to the default order.
 */
class SortAllowList implements HandlerInterceptor {

	static final String SORT_PARAMETER = "sort";

	private static final Set<String> MODIFIERS = Set.of("asc", "desc", "ignorecase");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		String[] values = request.getParameterValues(SORT_PARAMETER);
		MethodParameter pageable = pageableParameter(method);
		if (values == null || pageable == null) {
			return true;
		}
		List<String> allowed = allowed(method, pageable);
		for (String value : values) {
			for (String property : properties(value)) {
				if (!allowed.contains(property)) {
					throw new InvalidSortException(property, allowed);
				}
			}
		}
		return true;
	}

	static @Nullable MethodParameter pageableParameter(HandlerMethod method) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (Pageable.class.isAssignableFrom(parameter.getParameterType())
					|| Sort.class.isAssignableFrom(parameter.getParameterType())) {
				return parameter;
			}
		}
		return null;
	}

	static List<String> allowed(HandlerMethod method, MethodParameter parameter) {
		SortableBy sortable = parameter.getParameterAnnotation(SortableBy.class);
		if (sortable == null) {
			sortable = method.getMethodAnnotation(SortableBy.class);
		}
		return (sortable == null) ? List.of() : Arrays.asList(sortable.value());
	}

	/** The property names of one {@code sort} value, as Spring Data reads it. */
	static List<String> properties(String value) {
		List<String> properties = new ArrayList<>();
		for (String token : value.split(",")) {
			String property = token.strip();
			if (!property.isEmpty() && !MODIFIERS.contains(property.toLowerCase(Locale.ROOT))) {
				properties.add(property);
			}
		}
		return properties;
	}

	/** Registers the allow-list for every handler. */
	@Configuration(proxyBeanMethods = false)
	static class Registration implements WebMvcConfigurer {

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new SortAllowList());
		}

	}

}
