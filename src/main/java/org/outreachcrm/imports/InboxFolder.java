package org.outreachcrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outreachcrm.shared.CountryScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The inbox folder: spreadsheets dropped into {@code crm.imports.inbox-dir} are imported
 * with the default options (a saved mapping whose headers match is used automatically),
 * then moved to {@code processed/} or {@code failed/} with a {@code .result.txt} beside
 * them.
 *
 * <p>
 * A file is taken only after its size and time stamp stayed the same for the settle time,
 * so a file still being copied is never read half-written. Taking it is an atomic move
 * into {@code processing/}: when several instances share the folder, exactly one wins the
 * move and imports the file.
 */
@Component
class InboxFolder {

	static final String INBOX_USER = "inbox";

	private static final Logger log = LoggerFactory.getLogger(InboxFolder.class);

	private static final Pattern PROCESSING_NAME = Pattern.compile("(\\d+)__(.+)");

	private final Imports imports;

	private final ImportsProperties properties;

	private final Clock clock;

	private final Map<Path, Seen> seen = new HashMap<>();

	InboxFolder(Imports imports, ImportsProperties properties, Clock clock) {
		this.imports = imports;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${crm.imports.inbox-poll-interval}",
			initialDelayString = "${crm.imports.inbox-poll-interval}")
	// one instance at a time looks at the shared inbox: files are also claimed by an
	// atomic
	// rename, the lock keeps two instances from filing the same finished run
	@SchedulerLock(name = "imports-inbox", lockAtMostFor = "PT5M")
	void poll() {
		try {
			takeSettledFiles();
			fileFinishedRuns();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Inbox {} could not be read: {}", this.properties.inboxDir(), ex.toString());
		}
	}

	void takeSettledFiles() throws IOException {
		Path inbox = this.properties.inboxDir();
		if (!Files.isDirectory(inbox)) {
			return;
		}
		Instant now = this.clock.instant();
		Map<Path, Seen> stillThere = new HashMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
			for (Path file : files) {
				if (!isCandidate(file)) {
					continue;
				}
				Seen current = new Seen(Files.size(file), Files.getLastModifiedTime(file).toInstant(), now);
				Seen before = this.seen.get(file);
				if (before != null && before.sameContentAs(current)
						&& !before.firstSeen().plus(this.properties.inboxSettleTime()).isAfter(now)
						&& !current.modified().plus(this.properties.inboxSettleTime()).isAfter(now)) {
					take(file);
				}
				else {
					stillThere.put(file, before != null && before.sameContentAs(current) ? before : current);
				}
			}
		}
		this.seen.clear();
		this.seen.putAll(stillThere);
	}

	private void take(Path file) throws IOException {
		Path processing = Files.createDirectories(this.properties.inboxDir().resolve("processing"));
		Path claimed = processing.resolve("claim-" + UUID.randomUUID() + "__" + file.getFileName());
		try {
			Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException | FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			return; // another instance took it first
		}
		String name = file.getFileName().toString();
		ImportView run;
		try (InputStream content = Files.newInputStream(claimed)) {
			// a dropped file has no user: it imports rows of every country
			run = this.imports.submit(content, name, ImportOptions.defaults(), "INBOX", INBOX_USER,
					CountryScope.everything());
		}
		Files.move(claimed, processing.resolve(run.id() + "__" + name));
		log.info("Inbox: importing {} as import {}", name, run.id());
	}

	void fileFinishedRuns() throws IOException {
		Path processing = this.properties.inboxDir().resolve("processing");
		if (!Files.isDirectory(processing)) {
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(processing)) {
			for (Path file : files) {
				Matcher matcher = PROCESSING_NAME.matcher(file.getFileName().toString());
				if (!matcher.matches()) {
					continue;
				}
				ImportView run = this.imports.get(Long.parseLong(matcher.group(1)));
				if (run.finished()) {
					String folder = run.status() == ImportStatus.COMPLETED ? "processed" : "failed";
					Path target = Files.createDirectories(this.properties.inboxDir().resolve(folder));
					String name = matcher.group(2);
					Path moved = unique(target, name);
					// the result first: whoever sees the spreadsheet arrive finds its
					// result beside it
					Path result = moved.resolveSibling(moved.getFileName() + ".result.txt");
					Files.writeString(result, resultText(run));
					Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
				}
			}
		}
	}

	private static Path unique(Path folder, String name) {
		Path candidate = folder.resolve(name);
		for (int i = 2; Files.exists(candidate); i++) {
			int dot = name.lastIndexOf('.');
			candidate = folder.resolve(
					dot > 0 ? name.substring(0, dot) + " (" + i + ")" + name.substring(dot) : name + " (" + i + ")");
		}
		return candidate;
	}

	/** How a run's result text starts: erasure finds a run's filed spreadsheet by it. */
	static String resultHeading(long runId) {
		return "Import " + runId + " of ";
	}

	static String resultText(ImportView run) {
		StringBuilder text = new StringBuilder();
		text.append(resultHeading(run.id())).append(run.fileName()).append(": ").append(run.status()).append('\n');
		if (run.message() != null) {
			text.append(run.message()).append('\n');
		}
		text.append(String.format(Locale.ROOT, "Rows read %d, imported %d, rejected %d, skipped %d, warnings %d%n"
				+ "Organizations created %d, updated %d; contacts created %d, updated %d; affiliations created %d%n",
				run.rowsRead(), run.rowsImported(), run.rowsRejected(), run.rowsSkipped(), run.warnings(),
				run.organizationsCreated(), run.organizationsUpdated(), run.contactsCreated(), run.contactsUpdated(),
				run.affiliationsCreated()));
		if (run.rowsRejected() > 0) {
			text.append("Rejected rows: GET /api/imports/").append(run.id()).append("/rejections\n");
		}
		return text.toString();
	}

	private static boolean isCandidate(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && !name.startsWith(".") && !name.startsWith("~$")
				&& !name.equalsIgnoreCase("README.md") && !name.endsWith(".result.txt") && !name.endsWith(".part")
				&& !name.endsWith(".tmp") && !name.endsWith(".crdownload");
	}

	/** What a poll saw of a file. */
	record Seen(long size, Instant modified, Instant firstSeen) {

		boolean sameContentAs(Seen other) {
			return this.size == other.size && this.modified.equals(other.modified);
		}

	}

}
