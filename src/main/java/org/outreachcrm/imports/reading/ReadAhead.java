package org.outreachcrm.imports.reading;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of a sheet on a thread of its own, a bounded number ahead of the
 * consumer, and applies a step to each there (an import maps and normalizes them), so
 * that parsing the file and mapping its rows (about 40% of an import's CPU for XLSX) run
 * while the import thread waits for the database. Results, the end of the sheet and a
 * failure part way arrive in file order; rows for which the step gives null are left out.
 * The consumer sees exactly what reading and mapping on its own thread would have given
 * it. Closing stops the reading thread before the rows are closed, so the file is never
 * read and closed at the same time.
 *
 * @param <T> what the step makes of a row
 */
public final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

	private static final AtomicInteger THREADS = new AtomicInteger();

	private static final Object END = new Object();

	private final SheetRows rows;

	private final Function<SheetRow, ? extends @Nullable T> step;

	private final BlockingQueue<Object> queue;

	private final Thread reader;

	private volatile boolean closed;

	private @Nullable Object next;

	private boolean finished;

	/**
	 * Starts reading {@code rows} at once, at most {@code ahead} results before the
	 * consumer.
	 */
	public ReadAhead(SheetRows rows, Function<SheetRow, ? extends @Nullable T> step, int ahead) {
		this.rows = rows;
		this.step = step;
		this.queue = new ArrayBlockingQueue<>(Math.max(1, ahead));
		this.reader = new Thread(this::readAll, "import-reader-" + THREADS.incrementAndGet());
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private void readAll() {
		try {
			while (!this.closed && this.rows.hasNext()) {
				T result = this.step.apply(this.rows.next());
				if (result != null && !offer(result)) {
					return;
				}
			}
			offer(END);
		}
		catch (RuntimeException | Error ex) {
			offer(new Failure(ex));
		}
	}

	/** False when the consumer closed the rows while this thread waited for room. */
	private boolean offer(Object item) {
		try {
			while (!this.closed) {
				if (this.queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.finished) {
			Object item = take();
			if (item == END) {
				this.finished = true;
			}
			else if (item instanceof Failure failure) {
				this.finished = true;
				failure.rethrow();
			}
			else {
				this.next = item;
			}
		}
		return this.next != null;
	}

	private Object take() {
		try {
			return this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the sheet " + this.rows.sheetName(), ex);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		T result = (T) this.next;
		this.next = null;
		return result;
	}

	@Override
	public void close() {
		this.closed = true;
		this.queue.clear();
		try {
			this.reader.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.rows.close();
		}
	}

	/**
	 * A failure of the reading thread, handed to the consumer in its place in the file.
	 */
	private record Failure(Throwable cause) {

		void rethrow() {
			if (this.cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw (Error) this.cause;
		}

	}

}
