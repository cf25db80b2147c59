package org.outreachcrm.reports;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery to a real SMTP server (GreenMail): recipients, attachment, failure and retry.
 */
@DatabaseTest
@SpringBootTest
@Import(MutableClockConfiguration.class)
class ReportMailTest {

	static final int PORT = freePort();

	static GreenMail smtp;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	ReportSchedules schedules;

	@Autowired
	ReportScheduler scheduler;

	@Autowired
	RunStore store;

	@Autowired
	ReportMailer mailer;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		smtp = new GreenMail(ServerSetupTest.SMTP.withPort(PORT));
		smtp.start();
		ReportScenario.seed(this.jdbc, this.clock, ReportSchedulerTest.SUNDAY);
		Staff.actAs(ReportScenario.manager(this.users));
	}

	@AfterEach
	void tearDown() {
		smtp.stop();
		Staff.logOut();
		ReportScenario.cleanUp(this.jdbc, this.clock);
	}

	@Test
	void emailsTheWorkbookWithASummaryToEveryRecipient() throws Exception {
		ScheduleView schedule = this.schedules
			.create(ReportSchedulerTest.weekly("Europe/Warsaw", List.of("ana@example.org", "bogdan@example.org")));
		this.clock.set(Instant.parse("2031-03-10T07:31:00Z"));
		this.scheduler.tick();

		assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		List<String> to = new ArrayList<>();
		for (Address address : message.getRecipients(Message.RecipientType.TO)) {
			to.add(address.toString());
		}
		assertThat(to).containsExactlyInAnyOrder("ana@example.org", "bogdan@example.org");
		assertThat(message.getSubject()).isEqualTo("Outreach activity: 3 Mar 2031 – 9 Mar 2031");
		Multipart parts = (Multipart) message.getContent();
		String html = null;
		Part attachment = null;
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				attachment = part;
			}
			else {
				html = text(part);
			}
		}
		assertThat(html).contains("Interactions in the period")
			.contains("Nauru (NR), Tuvalu (TV)")
			.contains(">3</td>")
			.contains(">+2 (+200%)</td>");
		assertThat(attachment).isNotNull();
		assertThat(attachment.getFileName()).startsWith("outreach-activity_2031-03-03_2031-03-09_");
		try (InputStream in = attachment.getInputStream(); XSSFWorkbook book = new XSSFWorkbook(in)) {
			assertThat(book.getSheet("By country").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
		}
		long runId = runOf(schedule.id());
		assertThat(this.store.find(runId).orElseThrow().view().deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
	}

	@Test
	void aFailedDeliveryIsRecordedAndRetriedLater() throws Exception {
		ScheduleView schedule = this.schedules.create(ReportSchedulerTest.weekly("UTC", List.of("ana@example.org")));
		smtp.stop();
		this.clock.set(Instant.parse("2031-03-10T08:31:00Z"));
		this.scheduler.tick();
		long runId = runOf(schedule.id());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.store.find(runId).orElseThrow().view().deliveryAttempts() == 1);
		ReportRunView failed = this.store.find(runId).orElseThrow().view();
		assertThat(failed.status()).isEqualTo(ReportRunStatus.COMPLETED);
		assertThat(failed.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(this.store.deliveries(runId)).singleElement().satisfies((attempt) -> {
			assertThat(attempt.succeeded()).isFalse();
			assertThat(attempt.error()).isNotBlank();
		});

		smtp = new GreenMail(ServerSetupTest.SMTP.withPort(PORT));
		smtp.start();
		this.clock.set(Instant.parse("2031-03-10T08:33:00Z"));
		this.scheduler.tick();
		assertThat(this.store.find(runId).orElseThrow().view().deliveryAttempts()).isEqualTo(1);

		this.clock.set(Instant.parse("2031-03-10T08:37:00Z"));
		this.scheduler.tick();
		assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
		ReportRunView sent = this.store.find(runId).orElseThrow().view();
		assertThat(sent.deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
		assertThat(this.store.deliveries(runId)).extracting(DeliveryAttempt::succeeded).containsExactly(false, true);
	}

	@Test
	void anAttemptIsMadeOnceWhenSeveralTryAtTheSameTime() throws Exception {
		ScheduleView schedule = this.schedules.create(ReportSchedulerTest.weekly("UTC", List.of("ana@example.org")));
		smtp.stop();
		this.clock.set(Instant.parse("2031-03-10T08:31:00Z"));
		this.scheduler.tick();
		long runId = runOf(schedule.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.store.deliveries(runId).size() == 1);
		// the next attempt is not due yet: trying again (a late tick, another instance)
		// does
		// nothing
		this.mailer.deliver(runId);
		assertThat(this.store.deliveries(runId)).hasSize(1);

		smtp = new GreenMail(ServerSetupTest.SMTP.withPort(PORT));
		smtp.start();
		this.clock.set(Instant.parse("2031-03-10T08:37:00Z"));
		SecondInstance.atOnce(() -> deliver(runId), () -> deliver(runId));
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(this.store.deliveries(runId)).extracting(DeliveryAttempt::succeeded).containsExactly(false, true);
	}

	private Object deliver(long runId) {
		this.mailer.deliver(runId);
		return "tried";
	}

	private long runOf(long scheduleId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.store.page(null, 100, 0)
				.stream()
				.anyMatch((r) -> Long.valueOf(scheduleId).equals(r.scheduleId()) && r.status() != ReportRunStatus.QUEUED
						&& r.status() != ReportRunStatus.RUNNING));
		return this.store.page(null, 100, 0)
			.stream()
			.filter((r) -> Long.valueOf(scheduleId).equals(r.scheduleId()))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static String text(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
