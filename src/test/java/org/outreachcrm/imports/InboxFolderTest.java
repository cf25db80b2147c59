package org.outreachcrm.imports;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;

@DatabaseTest
@SpringBootTest(properties = { "crm.imports.inbox-dir=target/inbox-test", "crm.imports.inbox-poll-interval=200ms",
		"crm.imports.inbox-settle-time=600ms" })
class InboxFolderTest {

	static final Path INBOX = Path.of("target/inbox-test");

	@Autowired
	Organizations organizations;

	@Test
	void importsADroppedFileOnceItIsCompleteAndFilesItWithItsResult() throws Exception {
		String m = marker();
		byte[] file = ImportJobTest.partnerList(m);
		Files.createDirectories(INBOX);
		Path dropped = INBOX.resolve("lista-" + m + ".xlsx");

		// a slow copy: the file grows for longer than the settle time and must not be
		// taken meanwhile
		int half = file.length / 2;
		try (OutputStream out = Files.newOutputStream(dropped)) {
			out.write(Arrays.copyOfRange(file, 0, half));
			out.flush();
			for (int i = 0; i < 8; i++) {
				await().pollDelay(Duration.ofMillis(150)).until(() -> true);
				assertThat(dropped).as("a file still being copied stays in the inbox").exists();
				out.write(file[half + i]);
				out.flush();
			}
			out.write(Arrays.copyOfRange(file, half + 8, file.length));
		}

		Path processed = INBOX.resolve("processed").resolve(dropped.getFileName());
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(processed));
		String result = Files.readString(processed.resolveSibling(processed.getFileName() + ".result.txt"));
		assertThat(result).contains("COMPLETED").contains("rejected 2");
		assertThat(dropped).doesNotExist();
		assertThat(this.organizations.search(DirectoryQuery.text(m), PageRequest.of(0, 10)).getTotalElements())
			.isEqualTo(2);
	}

	@Test
	void aFileThatCannotBeImportedGoesToFailedWithTheReason() throws Exception {
		Files.createDirectories(INBOX);
		String name = "not-a-list-" + marker() + ".xlsx";
		Files.writeString(INBOX.resolve(name + ".part"), "%PDF-1.4 pretending to be a spreadsheet",
				StandardCharsets.US_ASCII);
		Files.move(INBOX.resolve(name + ".part"), INBOX.resolve(name));

		Path failed = INBOX.resolve("failed").resolve(name);
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(failed));
		assertThat(Files.readString(failed.resolveSibling(name + ".result.txt"))).contains("FAILED").contains("PDF");
	}

	@Test
	void ignoresTemporaryFilesOfCopyingPrograms() throws Exception {
		Files.createDirectories(INBOX);
		Path partial = INBOX.resolve("upload-" + marker() + ".xlsx.part");
		Files.write(partial, new byte[] { 1, 2, 3 }, StandardOpenOption.CREATE);
		await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
		assertThat(partial).exists();
		Files.delete(partial);
	}

}
