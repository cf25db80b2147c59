package org.outreachcrm.shared.web;

import jakarta.servlet.ServletException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.junit.jupiter.api.Test;

import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload filter tells a size limit from other broken multipart bodies by the
 * exception's type anywhere in its cause chain, the way Tomcat and Spring report it, and
 * not by what its message says.
 */
class MultipartSizeLimitTest {

	@Test
	void recognisesTomcatsRequestSizeLimitAsTomcatWrapsIt() {
		// what Request.getParts() throws for a body past max-request-size
		var thrown = new InvalidParameterException(
				new SizeLimitExceededException("the request was rejected", 2_000_000, 1_048_576), 413);

		assertThat(RequestSizeFilter.isSizeLimit(thrown)).isTrue();
	}

	@Test
	void recognisesTomcatsFileSizeLimitDeeperInTheChain() {
		var thrown = new ServletException(new IllegalStateException(
				new FileSizeLimitExceededException("the field file exceeds", 2_000_000, 1_048_576)));

		assertThat(RequestSizeFilter.isSizeLimit(thrown)).isTrue();
	}

	@Test
	void recognisesSpringsUploadSizeException() {
		var thrown = new MaxUploadSizeExceededException(1_048_576, new IllegalStateException("anything"));

		assertThat(RequestSizeFilter.isSizeLimit(thrown)).isTrue();
	}

	@Test
	void doesNotTakeAMessageMentioningASizeForASizeLimit() {
		// the old check matched on "size" and "exceed" in any message
		var thrown = new IllegalStateException("header size exceeded while parsing the boundary");

		assertThat(RequestSizeFilter.isSizeLimit(thrown)).isFalse();
		assertThat(RequestSizeFilter.isSizeLimit(new MultipartException("Maximum upload size exceeded"))).isFalse();
	}

	@Test
	void doesNotTakeOtherBrokenBodiesOrTheFileCountForASizeLimit() {
		assertThat(RequestSizeFilter.isSizeLimit(new InvalidParameterException(
				new MultipartStream.MalformedStreamException("Stream ended unexpectedly"), 400)))
			.isFalse();
		assertThat(RequestSizeFilter
			.isSizeLimit(new InvalidParameterException(new FileCountLimitExceededException("attachment", 10), 413)))
			.isFalse();
	}

	@Test
	void stopsAtAnExceptionThatIsItsOwnCause() {
		assertThat(RequestSizeFilter.isSizeLimit(new SelfCaused())).isFalse();
	}

	private static final class SelfCaused extends IllegalStateException {

		@Override
		public synchronized Throwable getCause() {
			return this;
		}

	}

}
