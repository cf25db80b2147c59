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
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every benchmark needs of the application it starts in its own JVM: a free port,
 * authenticated GETs as its admin, the peak heap from its GC log, and a start and stop
 * that leave no application running behind on any exit path (an exception, a timeout, the
 * benchmark's JVM stopped by a signal).
 */
final class BenchApp {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** "12M->3M(64M)" in a unified GC log line: in use before, after, and heap size. */
	private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	private BenchApp() {
	}

	/** How long a stopped application may take to shut down before it is killed. */
	static final Duration STOP_GRACE = Duration.ofSeconds(30);

	/** Applications started and not stopped yet, and the hook that stops each. */
	private static final Map<Process, Thread> RUNNING = new ConcurrentHashMap<>();

	/**
	 * Starts the application's JVM, and stops it when this JVM ends without {@link #stop}
	 * having been called (a signal, {@code System.exit}, a forked test timing out).
	 */
	static Process launch(ProcessBuilder builder) throws IOException {
		Process process = builder.start();
		Thread hook = new Thread(() -> kill(process), "stop-bench-app-" + process.pid());
		RUNNING.put(process, hook);
		Runtime.getRuntime().addShutdownHook(hook);
		return process;
	}

	/**
	 * Waits for {@code ready} to report the application up, polling every 500 ms for at
	 * most {@code polls} times; on every other outcome (it stopped, it did not come up,
	 * this thread was interrupted, {@code ready} failed) the application is stopped
	 * before the exception leaves.
	 */
	static Process awaitReady(Process process, int polls, Path log, Ready ready) throws Exception {
		try {
			for (int i = 0; i < polls; i++) {
				Thread.sleep(500);
				if (!process.isAlive()) {
					throw new IllegalStateException("The application stopped; see " + log);
				}
				try {
					if (ready.ready()) {
						return process;
					}
				}
				catch (IOException ex) {
					// not up yet
				}
			}
			throw new IllegalStateException("The application did not start; see " + log);
		}
		catch (Exception | Error ex) {
			stop(process);
			throw ex;
		}
	}

	/** Whether the application answers as up; an {@link IOException} means not yet. */
	@FunctionalInterface
	interface Ready {

		boolean ready() throws IOException, InterruptedException;

	}

	/**
	 * Stops the application: asks it to shut down, and kills it (with anything it
	 * started) when it is not gone after {@link #STOP_GRACE}, say because a request it
	 * serves never ends. Safe to call more than once.
	 */
	static void stop(Process process) {
		stop(process, STOP_GRACE);
	}

	/** As {@link #stop(Process)}, killing it after {@code grace}. */
	static void stop(Process process, Duration grace) {
		Thread hook = RUNNING.remove(process);
		if (hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// this JVM is shutting down: the hook runs anyway
			}
		}
		process.destroy();
		boolean interrupted = false;
		try {
			if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				return;
			}
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		kill(process);
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void kill(Process process) {
		List<ProcessHandle> started = process.descendants().toList();
		started.forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
			for (ProcessHandle child : started) {
				child.onExit().get(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			// killed; the system reaps it
		}
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
