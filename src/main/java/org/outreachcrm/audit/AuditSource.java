package org.outreachcrm.audit;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Names the source of the changes made by the current thread, for work that is not a
 * plain web or API request (imports, undo, erasure). Without it the revision listener
 * tells a page from the API by the request path, and anything else is {@code SYSTEM}.
 */
public final class AuditSource {

	private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

	private AuditSource() {
	}

	/** Runs {@code work} with its changes recorded as coming from {@code source}. */
	public static <T> T with(ChangeSource source, @Nullable String reference, Supplier<T> work) {
		Current previous = CURRENT.get();
		CURRENT.set(new Current(source, reference));
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

	static @Nullable Current current() {
		return CURRENT.get();
	}

	record Current(ChangeSource source, @Nullable String reference) {
	}

}
