package org.outreachcrm.audit;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Names the source of the changes made by the current thread, for work that is not a
 * plain web or API request (imports, undo, erasure). Without it the revision listener
 * tells a page from the API by the request path, and anything else is {@code SYSTEM}.
 */
public final class AuditSource {

	private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

	private static final Object KEY = new Object();

	private AuditSource() {
	}

	/** Runs {@code work} with its changes recorded as coming from {@code source}. */
	public static <T> T with(ChangeSource source, @Nullable String reference, Supplier<T> work) {
		Current previous = CURRENT.get();
		Current current = new Current(source, reference);
		CURRENT.set(current);
		bindToTransaction(current);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}

	/** Runs {@code work} with its changes recorded as coming from {@code source}. */
	public static void run(ChangeSource source, @Nullable String reference, Runnable work) {
		with(source, reference, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * The source of the current thread, else the one named in the current transaction:
	 * Envers creates the revision when the transaction commits, after {@code with} has
	 * returned.
	 */
	static @Nullable Current current() {
		Current current = CURRENT.get();
		if (current == null && TransactionSynchronizationManager.hasResource(KEY)) {
			current = (Current) TransactionSynchronizationManager.getResource(KEY);
		}
		return current;
	}

	private static void bindToTransaction(Current current) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		if (TransactionSynchronizationManager.hasResource(KEY)) {
			TransactionSynchronizationManager.unbindResource(KEY);
		}
		else {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
		}
		TransactionSynchronizationManager.bindResource(KEY, current);
	}

	record Current(ChangeSource source, @Nullable String reference) {
	}

}
