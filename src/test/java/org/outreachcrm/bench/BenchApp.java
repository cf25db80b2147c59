package org.outreachcrm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every benchmark needs of the application it starts in its own JVM: a free port,
 * authenticated GETs as its admin, and the peak heap from its GC log.
 */
final class BenchApp {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** "12M->3M(64M)" in a unified GC log line: in use before, after, and heap size. */
	private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	private BenchApp() {
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static HttpResponse<String> get(int port, String path, String user, String password) throws IOException {
		try {
			return HTTP.send(
					HttpRequest.newBuilder(uri(port, path)).header("Authorization", basic(user, password)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	static int gcLogLines(Path gcLog) throws IOException {
		return Files.exists(gcLog) ? Files.readAllLines(gcLog).size() : 0;
	}

	/**
	 * The most heap the application had in use before a collection, in the GC log's lines
	 * after the first {@code skip}; 0 when no collection happened there.
	 */
	static long peakHeapMegabytes(Path gcLog, int skip) throws IOException {
		long peak = 0;
		if (Files.exists(gcLog)) {
			List<String> lines = Files.readAllLines(gcLog);
			for (String line : lines.subList(Math.min(skip, lines.size()), lines.size())) {
				Matcher matcher = GC_LINE.matcher(line);
				if (matcher.find()) {
					peak = Math.max(peak, Long.parseLong(matcher.group(1)));
				}
			}
		}
		return peak;
	}

}
