package org.outreachcrm.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real application in a child JVM on a free port, for tests that kill it or run
 * several instances side by side. Its output goes to a log file beside the test's work
 * folder, so a failure can be read afterwards.
 */
public final class ApplicationProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newHttpClient();

	private ApplicationProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application with the given arguments (plus {@code --server.port}) and
	 * waits until its health endpoint answers.
	 */
	public static ApplicationProcess start(Path work, String name, List<String> arguments) throws IOException {
		Files.createDirectories(work);
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), "org.outreachcrm.OutreachCrmApplication",
						"--server.port=" + port, "--logging.level.root=WARN"));
		command.addAll(arguments);
		Path log = work.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ApplicationProcess application = new ApplicationProcess(process, port, log);
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("application process %s (log: %s)", name, log).isTrue();
			try {
				return application.send(HttpRequest.newBuilder(application.uri("/actuator/health")))
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return application;
	}

	public int port() {
		return this.port;
	}

	public Path log() {
		return this.log;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** Sends a request built against this instance and answers the response as text. */
	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/** A GET with HTTP Basic credentials. */
	public HttpResponse<String> get(String path, String username, String password) throws IOException {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(username, password)));
	}

	/**
	 * Posts a file as {@code multipart/form-data} field {@code file}, with HTTP Basic
	 * credentials.
	 */
	public HttpResponse<String> upload(String path, Path file, String username, String password) throws IOException {
		String boundary = "----upload" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] content = Files.readAllBytes(file);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", basic(username, password))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** Kills the process at once, as a crash or a pulled plug would. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

	public static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
