package org.outreachcrm.shared.web;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page links of a list that has no filter object of its own, for the shared pager
 * ({@code directory/fragments :: pager}, which asks its {@code filter} for
 * {@code pageUrl(path, n)}): the list's address with {@code page=n} and the parameters
 * that select the list kept.
 *
 * @param parameters the request parameters to keep in every page link (null values are
 * left out)
 */
public record PageLinks(Map<String, ?> parameters) {

	/** The address of page {@code number} (from 0) of the list at {@code path}. */
	public String pageUrl(String path, int number) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		this.parameters.forEach((name, value) -> {
			if (value != null) {
				url.queryParam(name, value);
			}
		});
		return url.queryParam("page", Math.max(number, 0)).encode().build().toUriString();
	}

}
