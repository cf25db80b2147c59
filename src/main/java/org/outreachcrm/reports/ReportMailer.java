package org.outreachcrm.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Emails a completed run to its recipients: the workbook attached and a short HTML
 * summary (a Thymeleaf template, every value escaped). Each attempt is recorded; a failed
 * one is retried by the scheduler after {@code crm.reports.mail.retry-backoff}, doubled
 * each time, until {@code max-attempts}.
 */
@Component
class ReportMailer {

	private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);

	private final ObjectProvider<JavaMailSender> senders;

	private final RunStore store;

	private final ReportFiles files;

	private final RunResults results;

	private final ReportTexts texts;

	private final ITemplateEngine templates;

	private final ReportsProperties properties;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	ReportMailer(ObjectProvider<JavaMailSender> senders, RunStore store, ReportFiles files, RunResults results,
			ReportTexts texts, ITemplateEngine templates, ReportsProperties properties, LockingTaskExecutor locks,
			Clock clock) {
		this.senders = senders;
		this.store = store;
		this.files = files;
		this.results = results;
		this.texts = texts;
		this.templates = templates;
		this.properties = properties;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * One delivery attempt for the run, recorded whatever its outcome, when one is due.
	 * Under the run's cluster-wide lock ({@code report-mail-<id>}): the worker that
	 * completed the run and a scheduler tick on any instance may both try, and the one
	 * that comes second finds the attempt made (sent, or the next one not yet due).
	 */
	void deliver(long runId) {
		LockConfiguration lock = new LockConfiguration(ClockProvider.now(), "report-mail-" + runId,
				this.properties.claimTimeout(), Duration.ZERO);
		this.locks.executeWithLock((Runnable) () -> attempt(runId), lock);
	}

	private void attempt(long runId) {
		RunStore.StoredRun run = this.store.find(runId).orElse(null);
		if (run == null || !this.store.deliveryDue(runId, this.clock.instant())) {
			return;
		}
		int attempt = run.view().deliveryAttempts() + 1;
		try {
			send(run);
			this.store.recordDelivery(runId, attempt, run.recipients(), null, DeliveryStatus.SENT, null,
					this.clock.instant());
		}
		catch (Exception ex) {
			log.warn("Report run {}: email attempt {} failed: {}", runId, attempt, ex.toString());
			boolean last = attempt >= this.properties.mail().maxAttempts();
			Duration wait = this.properties.mail().retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
			Instant now = this.clock.instant();
			this.store.recordDelivery(runId, attempt, run.recipients(), ex.toString(),
					last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, last ? null : now.plus(wait), now);
		}
	}

	private void send(RunStore.StoredRun run) throws Exception {
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("No SMTP server is configured (spring.mail.host)");
		}
		String fileName = run.view().fileName();
		Path file = fileName == null ? null : this.files.resolve(fileName).orElse(null);
		if (file == null || !java.nio.file.Files.exists(file)) {
			throw new IllegalStateException("The report file is missing");
		}
		ReportData data = this.results.of(run);
		String title = this.texts.get("ReportType." + run.view().type(), run.locale());
		String period = this.texts.period(run.filter(), run.locale());
		String html = this.templates.process("reports/mail-summary", new Context(run.locale(),
				Map.of("title", title, "period", period, "data", data, "texts", this.texts, "locale", run.locale())));
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.properties.mail().from());
		helper.setTo(run.recipients().toArray(String[]::new));
		helper.setSubject(title + ": " + period);
		helper.setText(html, true);
		helper.addAttachment(fileName, new FileSystemResource(file));
		sender.send(message);
	}

}
