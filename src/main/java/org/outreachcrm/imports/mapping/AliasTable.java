package org.outreachcrm.imports.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.outreachcrm.shared.TextFolding;

/**
 * Loads an alias resource ({@code KEY = alias, alias, ...}, UTF-8) into a map from folded
 * alias to value. An alias listed under two keys is a mistake in the resource and fails
 * loudly, since it would silently map a column to the wrong field.
 */
final class AliasTable {

	private AliasTable() {
	}

	static <T> Map<String, T> load(String resource, Function<String, T> keyParser) {
		Properties properties = new Properties();
		try (InputStream in = AliasTable.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
		Map<String, T> aliases = new HashMap<>();
		for (String name : properties.stringPropertyNames()) {
			T value = keyParser.apply(name.trim());
			for (String alias : properties.getProperty(name).split(",")) {
				String key = TextFolding.key(alias);
				if (key.isEmpty()) {
					continue;
				}
				T previous = aliases.putIfAbsent(key, value);
				if (previous != null && !previous.equals(value)) {
					throw new IllegalStateException("Alias \"" + alias.trim() + "\" in " + resource
							+ " is listed for both " + previous + " and " + value);
				}
			}
		}
		return Map.copyOf(aliases);
	}

}
