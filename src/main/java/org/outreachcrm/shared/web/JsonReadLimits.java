package org.outreachcrm.shared.web;

import tools.jackson.core.StreamReadConstraints;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson's own guards for every JSON document the application parses (request bodies
 * first): string length, nesting depth, property name and number length, and the length
 * of the whole document. The body size filter ({@link RequestSizeFilter}) already refuses
 * large bodies; these stop a small body from building something large or deep.
 */
@Configuration(proxyBeanMethods = false)
class JsonReadLimits {

	@Bean
	JsonFactoryBuilderCustomizer streamReadConstraints(RequestLimits limits) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxStringLength(limits.maxJsonStringLength())
			.maxNestingDepth(limits.maxJsonNestingDepth())
			.maxNameLength(limits.maxJsonNameLength())
			.maxNumberLength(limits.maxJsonNumberLength())
			.maxDocumentLength(limits.maxJsonBody().toBytes())
			.build();
		return (builder) -> builder.streamReadConstraints(constraints);
	}

}
