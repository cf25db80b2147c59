package org.outreachcrm.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refuses request bodies larger than their bound before anything reads them, ahead of
 * security and of Spring MVC: a JSON API body over {@code crm.requests.max-json-body}
 * (declared length, then counted while it is read, for bodies sent without a length) and
 * an upload over {@code spring.servlet.multipart.max-request-size} (declared length; for
 * an upload sent without one, as soon as Tomcat has read past it). The API answers 413
 * with a problem detail; a page upload is sent back to the same address with
 * {@code ?tooLarge=true}, where the page says so in the user's language.
 */
@Component
// declared here too, so that web slices, which load filters but no configuration scan,
// get the limits the filter reads
@EnableConfigurationProperties(RequestLimits.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeFilter extends OncePerRequestFilter {

	private final long maxJsonBody;

	private final long maxUpload;

	private final JsonMapper json;

	RequestSizeFilter(RequestLimits limits, ObjectProvider<MultipartConfigElement> multipart, JsonMapper json) {
		this.maxJsonBody = limits.maxJsonBody().toBytes();
		MultipartConfigElement config = multipart.getIfAvailable();
		this.maxUpload = (config != null && config.getMaxRequestSize() > 0) ? config.getMaxRequestSize()
				: Long.MAX_VALUE;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean api = path(request).startsWith("/api/");
		boolean multipart = isMultipart(request);
		long declared = request.getContentLengthLong();
		if (multipart && (declared > this.maxUpload || (declared < 0 && partsOverLimit(request)))) {
			if (api) {
				tooLarge(request, response, "upload", this.maxUpload);
			}
			else {
				// the page shows its own message; the body is never read (or, sent
				// without a length, read no further than the limit)
				response.sendRedirect(request.getRequestURI() + "?tooLarge=true");
			}
			return;
		}
		if (!api || multipart || !hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (declared > this.maxJsonBody) {
			tooLarge(request, response, "request body", this.maxJsonBody);
			return;
		}
		chain.doFilter(new LimitedBodyRequest(request, this.maxJsonBody), response);
	}

	/**
	 * Whether an upload sent without a length (chunked) grew past the limit: its parts
	 * are parsed here, ahead of security and Spring MVC, by Tomcat, which stops reading
	 * at {@code max-request-size} (and {@code max-file-size}); within the limits the
	 * parsed parts are kept for the controller. Otherwise the parse would first happen in
	 * a filter asking for a parameter (where Tomcat hides the failure: the CSRF token
	 * seems missing) or in Spring MVC (its own multipart error), not in our 413 and
	 * message.
	 */
	private boolean partsOverLimit(HttpServletRequest request) throws IOException {
		try {
			request.getParts();
			return false;
		}
		catch (IllegalStateException | ServletException ex) {
			if (isSizeLimit(ex)) {
				return true;
			}
			// any other broken multipart body is reported where it is read, as before
			return false;
		}
	}

	/**
	 * Whether the failure, or anything in its cause chain, is a multipart size limit:
	 * Tomcat's (it wraps its {@link SizeException}, the request and the file limit, in an
	 * {@code IllegalStateException}) or Spring's, should a multipart resolver have parsed
	 * the parts first. Recognised by type, not by message text, so that another broken
	 * body whose message happens to mention a size is not taken for one; a file-count
	 * limit is not a size limit and is reported where it is read, as before.
	 */
	static boolean isSizeLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SizeException || cause instanceof MaxUploadSizeExceededException) {
				return true;
			}
		}
		return false;
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response, String what, long limit)
			throws IOException {
		ProblemDetail problem = problem(what, limit);
		problem.setInstance(URI.create(request.getRequestURI()));
		// the client may still be sending the body: Tomcat reads and discards it (up to
		// server.tomcat.max-swallow-size) so that the answer reaches the client
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/** The problem detail of a body over its bound, also used once the body is read. */
	static ProblemDetail problem(String what, long limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The " + what + " is larger than the limit of " + megabytes(limit) + " MB");
		problem.setTitle("Request too large");
		problem.setProperty("maxBytes", limit);
		return problem;
	}

	static String megabytes(long bytes) {
		return String.valueOf(Math.round(bytes / (1024.0 * 1024.0) * 10) / 10.0).replaceFirst("\\.0$", "");
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (context != null && !context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length())
				: uri;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	/** Thrown while reading a body past its bound; answered with 413. */
	static final class BodyTooLargeException extends IOException {

		private final long limit;

		BodyTooLargeException(long limit) {
			super("Request body larger than " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return this.limit;
		}

	}

	/** The request with a body stream that fails once more than the bound was read. */
	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedBodyRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(encoding != null) ? encoding : java.nio.charset.StandardCharsets.UTF_8.name()));
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.count += n;
			if (this.count > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
