package org.outreachcrm.outreach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditSource;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.outreach.Interactions.Logged;
import org.outreachcrm.outreach.Interactions.Submission;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Logs the interactions that API clients post with group commit: concurrent requests of
 * the same login and country scope are written together, in one transaction, by a writer
 * thread, and each request is answered once that transaction has committed (nothing is
 * acknowledged before it is stored).
 * <p>
 * A transaction costs the database a commit, the connection's autocommit switches and an
 * audit revision whatever it holds; a group shares them, looks up the organizations and
 * people of all its requests in one statement each and writes its rows in batches. Under
 * load, requests arrive while the previous group commits and form the next one, so groups
 * grow with the load; a lone request is written alone at once.
 * <p>
 * What each request gets is what {@link Interactions#log} would give it: its view, or its
 * own refusal (an unknown organization refuses that request only). When the database
 * refuses a group, the group is rolled back and each of its requests is written again on
 * its own, so only the request at fault fails. The group's audit revision names the login
 * and the API as the source, as each request's own would.
 * <p>
 * A caller already in a transaction (its changes not visible to the writer), a full
 * queue, or a writer that is not running (start-up, shut-down, {@code enabled: false})
 * logs in the caller's thread instead.
 */
@Component
public class InteractionWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InteractionWriter.class);

	private final Interactions interactions;

	private final CurrentUser currentUser;

	private final CurrentScope scope;

	private final OutreachProperties.GroupCommit settings;

	private final BlockingQueue<Pending> queue;

	private final DistributionSummary groupSizes;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	InteractionWriter(Interactions interactions, CurrentUser currentUser, CurrentScope scope,
			OutreachProperties properties, MeterRegistry meters) {
		this.interactions = interactions;
		this.currentUser = currentUser;
		this.scope = scope;
		this.settings = properties.groupCommit();
		this.queue = new LinkedBlockingQueue<>(this.settings.queueCapacity());
		this.groupSizes = DistributionSummary.builder("crm.interactions.group.size")
			.description("Interactions written per transaction by the API's group commit")
			.register(meters);
	}

	/**
	 * Logs an interaction for the current request (staff member and follow-up assignee
	 * default to the current user), sharing a transaction with concurrent ones.
	 */
	public InteractionView log(InteractionRequest request) {
		if (!this.running || TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.interactions.log(request);
		}
		Pending pending = pending(request);
		// full queue, or the writers stopped between the check above and the offer (their
		// last drain may have missed it): written here
		if (!this.queue.offer(pending) || (!this.running && this.queue.remove(pending))) {
			return this.interactions.log(request);
		}
		try {
			return pending.answer();
		}
		catch (WriterStopped ex) {
			return this.interactions.log(request);
		}
	}

	/** A request to write, with the login, scope and user id of the calling thread. */
	Pending pending(InteractionRequest request) {
		SecurityContext security = SecurityContextHolder.createEmptyContext();
		security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		return new Pending(request, security, this.scope.get(), currentUser(), new CompletableFuture<>());
	}

	/** The current user's id as the request thread resolves it (or its refusal). */
	private LongSupplier currentUser() {
		try {
			long id = this.currentUser.id();
			return () -> id;
		}
		catch (BusinessRuleException refused) {
			return () -> {
				throw refused;
			};
		}
	}

	private void run() {
		List<Pending> taken = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				taken.add(first);
				this.queue.drainTo(taken, this.settings.maxGroup() - 1);
				Map<Key, List<Pending>> groups = new LinkedHashMap<>();
				for (Pending pending : taken) {
					groups.computeIfAbsent(pending.key(), (k) -> new ArrayList<>()).add(pending);
				}
				groups.values().forEach(this::write);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException | Error ex) {
				log.error("Interaction writer failed; its requests are answered with the error", ex);
				taken.forEach((p) -> p.result().completeExceptionally(ex));
			}
			finally {
				taken.clear();
			}
		}
		// interrupted while requests wait: their own threads write them
		Pending left;
		while ((left = this.queue.poll()) != null) {
			left.result().completeExceptionally(new WriterStopped());
		}
	}

	/**
	 * Writes a group in one transaction and answers each of its requests; when the
	 * database refuses the group, writes each request on its own.
	 */
	void write(List<Pending> group) {
		this.groupSizes.record(group.size());
		Pending first = group.get(0);
		List<Logged> answers;
		try {
			answers = as(first, () -> this.interactions.logAll(group.stream().map(Pending::submission).toList()));
		}
		catch (RuntimeException refused) {
			if (group.size() == 1) {
				first.result().completeExceptionally(refused);
				return;
			}
			log.debug("A group of {} interactions was refused ({}); writing each on its own", group.size(),
					refused.toString());
			for (Pending pending : group) {
				try {
					pending.result()
						.complete(as(pending, () -> this.interactions.logAll(List.of(pending.submission())).get(0)));
				}
				catch (RuntimeException ex) {
					pending.result().completeExceptionally(ex);
				}
			}
			return;
		}
		for (int i = 0; i < group.size(); i++) {
			group.get(i).result().complete(answers.get(i));
		}
	}

	/** Runs {@code work} as the request that submitted {@code pending}. */
	private <T> T as(Pending pending, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(pending.security());
		try {
			AtomicReference<T> result = new AtomicReference<>();
			this.scope.runAs(pending.scope(), () -> result.set(AuditSource.with(ChangeSource.API, null, work)));
			return result.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	@Override
	public void start() {
		if (!this.settings.enabled()) {
			return;
		}
		this.running = true;
		for (int i = 1; i <= this.settings.writers(); i++) {
			Thread writer = new Thread(this::run, "interaction-writer-" + i);
			writer.setDaemon(true);
			this.writers.add(writer);
			writer.start();
		}
	}

	/**
	 * Stops taking requests; the writers finish the groups queued before (the web server
	 * stops before this, see {@link #getPhase()}).
	 */
	@Override
	public void stop() {
		this.running = false;
		for (Thread writer : this.writers) {
			try {
				writer.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				writer.interrupt();
			}
		}
		this.writers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the web server stops taking requests, before the database goes. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/** Requests written together: one login, one country scope. */
	private record Key(@Nullable String login, CountryScope scope) {
	}

	record Pending(InteractionRequest request, SecurityContext security, CountryScope scope, LongSupplier currentUser,
			CompletableFuture<Logged> result) {

		Key key() {
			Authentication authentication = this.security.getAuthentication();
			return new Key(authentication == null ? null : authentication.getName(), this.scope);
		}

		Submission submission() {
			return new Submission(this.request, this.currentUser);
		}

		InteractionView answer() {
			try {
				return this.result.get().orThrow();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while the interaction was being logged", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(Objects.requireNonNull(ex.getCause()));
			}
		}

	}

	/** The writer stopped before it wrote the request (its thread then writes it). */
	static final class WriterStopped extends IllegalStateException {

		WriterStopped() {
			super("The interaction writer stopped before writing this interaction; nothing was stored");
		}

	}

}
