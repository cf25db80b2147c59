package org.outreachcrm.duplicates;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The scan's second step reads blocks, not pairs: the records sharing one blocking key,
 * in key hash order, a page of blocks per query ({@link DuplicateStore#blocksAfter}),
 * only those of 2 to {@code max-block} records. Walking the key table along its primary
 * key needs no temporary table or sort on the server (the self-join of every key did).
 * The last block handed to a committed chunk is saved, so a restarted step resumes after
 * it.
 */
class ScanBlockReader implements ItemStreamReader<DuplicateStore.Block> {

	/** Named apart from the key text saved before V340, which a restart ignores. */
	private static final String AFTER = "blocks.afterHash";

	private final DuplicateStore store;

	private final MergeKind kind;

	private final int maxBlock;

	private final int pageBlocks;

	private final ScanTimes times;

	private final Deque<DuplicateStore.Block> page = new ArrayDeque<>();

	/** The last key hash fetched from the database (no hash is {@code MIN_VALUE}). */
	private long fetched = Long.MIN_VALUE;

	/**
	 * The last key hash handed out (saved: every block up to it is in a written chunk).
	 */
	private long handed = Long.MIN_VALUE;

	private boolean exhausted;

	ScanBlockReader(DuplicateStore store, MergeKind kind, int maxBlock, int pageBlocks, ScanTimes times) {
		this.store = store;
		this.kind = kind;
		this.maxBlock = maxBlock;
		this.pageBlocks = pageBlocks;
		this.times = times;
	}

	@Override
	public void open(ExecutionContext context) {
		this.handed = context.getLong(AFTER, Long.MIN_VALUE);
		this.fetched = this.handed;
		this.page.clear();
		this.exhausted = false;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(AFTER, this.handed);
	}

	@Override
	public DuplicateStore.@Nullable Block read() {
		if (this.page.isEmpty() && !this.exhausted) {
			List<DuplicateStore.Block> next = this.times.time("blocks read",
					() -> this.store.blocksAfter(this.kind, this.fetched, this.maxBlock, this.pageBlocks));
			this.times.count("blocks read", next.size());
			if (next.size() < this.pageBlocks) {
				this.exhausted = true;
			}
			if (!next.isEmpty()) {
				this.fetched = next.get(next.size() - 1).keyHash();
				this.page.addAll(next);
			}
		}
		DuplicateStore.Block block = this.page.poll();
		if (block != null) {
			this.handed = block.keyHash();
		}
		return block;
	}

}
