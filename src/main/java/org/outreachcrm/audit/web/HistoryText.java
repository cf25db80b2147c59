package org.outreachcrm.audit.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.audit.HistoryEntry.Action;
import org.outreachcrm.audit.HistoryEntry.FieldChange;
import org.outreachcrm.audit.RevisionView;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words the history for people: each entry as a sentence naming who did what to which
 * record, each changed field as a sentence with its label and values
 * ({@link HistoryValues}), bookkeeping columns left out. The names come from
 * {@link RecordReferences}: a record that is gone or out of the viewer's countries is
 * named as such, never by its id.
 */
@Component
class HistoryText {

	// columns that only mirror another record or keep the books
	private static final Set<String> BOOKKEEPING = Set.of("country@INTERACTION", "country@FOLLOW_UP",
			"country@INVITATION", "organization_id@FOLLOW_UP", "name_key", "password_change_required");

	/**
	 * The field of a merge entry that names the record merged (see {@code MergeHistory}).
	 */
	static final String MERGED_RECORD = "merged_record";

	/** Present in a merge entry while the merge can be undone. */
	static final String MERGE_UNDOABLE = "merge_undoable";

	private final RecordReferences references;

	private final HistoryValues values;

	private final MessageSource messages;

	HistoryText(RecordReferences references, HistoryValues values, MessageSource messages) {
		this.references = references;
		this.values = values;
		this.messages = messages;
	}

	/** The entries as people read them, in the same order. */
	List<Line> lines(List<HistoryEntry> entries) {
		RecordReferences.Wanted wanted = new RecordReferences.Wanted();
		for (HistoryEntry entry : entries) {
			wanted.user(entry.user());
			wanted.record(RecordReferences.kind(entry.entity()), List.of(entry.entityId()));
			for (FieldChange change : entry.changes()) {
				String kind = RecordReferences.referenceKind(change.field());
				wanted.record(kind, RecordReferences.ids(change.before()));
				wanted.record(kind, RecordReferences.ids(change.after()));
			}
		}
		RecordReferences.Known names = this.references.resolve(wanted);
		List<Line> lines = new ArrayList<>(entries.size());
		for (HistoryEntry entry : entries) {
			lines.add(line(entry, names));
		}
		return lines;
	}

	/**
	 * Names for a page of the audit log: who by name, each touched record by name with
	 * its page, resolved with one query per kind.
	 */
	AuditWords audit(List<RevisionView> revisions) {
		RecordReferences.Wanted wanted = new RecordReferences.Wanted();
		for (RevisionView revision : revisions) {
			wanted.user(revision.user());
			for (RevisionView.Touched touched : revision.records()) {
				wanted.record(RecordReferences.kind(touched.entity()), List.of(touched.id()));
			}
		}
		return new AuditWords(this.references.resolve(wanted));
	}

	/** The audit log's words: people by name, touched records as sentences. */
	final class AuditWords {

		private final RecordReferences.Known names;

		AuditWords(RecordReferences.Known names) {
			this.names = names;
		}

		/** A user by display name; the login name when no account has it. */
		public String who(String username) {
			return this.names.who(username);
		}

		/** "Created the organization “Fundacja”"; a gone record named as such. */
		public String sentence(RevisionView.Touched touched) {
			String record = msg("history.noun." + touched.entity().name());
			String name = this.names.name(RecordReferences.kind(touched.entity()), touched.id());
			return (name == null)
					? msg("audit.recordUnnamed." + touched.action().name(), record,
							msg((touched.action() == Action.DELETED) ? "history.record.deleted"
									: "history.record.hidden"))
					: msg("audit.record." + touched.action().name(), record, name);
		}

		/** The record's page, when it still exists and the viewer may see it. */
		public @Nullable String path(RevisionView.Touched touched) {
			return this.names.path(RecordReferences.kind(touched.entity()), touched.id());
		}

	}

	private Line line(HistoryEntry entry, RecordReferences.Known names) {
		String who = names.who(entry.user());
		String kind = RecordReferences.kind(entry.entity());
		String record = msg("history.noun." + entry.entity().name());
		String shown = names.name(kind, entry.entityId());
		String sentence = (shown == null)
				? msg("history.entryUnnamed." + entry.action().name(), who, record,
						msg((entry.action() == Action.DELETED) ? "history.record.deleted" : "history.record.hidden"))
				: msg("history.entry." + entry.action().name(), who, record, shown);
		String path = (entry.action() == Action.DELETED) ? null : names.path(kind, entry.entityId());
		List<Change> changes = new ArrayList<>();
		for (FieldChange change : entry.changes()) {
			if (BOOKKEEPING.contains(change.field())
					|| BOOKKEEPING.contains(change.field() + "@" + entry.entity().name())) {
				continue;
			}
			changes.add(change(entry, change, names));
		}
		String source = msg("history.source." + entry.source().name(), entry.sourceRef());
		if (entry.revision() == null
				&& (entry.source() == ChangeSource.MERGE || entry.source() == ChangeSource.MERGE_UNDO)) {
			return mergeLine(entry, who, source);
		}
		return new Line(entry.at(), who, source, sentence, path, changes, null);
	}

	/**
	 * A merge into this record, kept by the directory outside Envers: "Olga merged “X”
	 * into this organization", with the undo while it is possible.
	 */
	private Line mergeLine(HistoryEntry entry, String who, String source) {
		String other = null;
		boolean undoable = false;
		for (FieldChange change : entry.changes()) {
			if (MERGED_RECORD.equals(change.field())) {
				other = change.after();
			}
			undoable |= MERGE_UNDOABLE.equals(change.field());
		}
		String key = (entry.source() == ChangeSource.MERGE) ? "history.entry.MERGED." : "history.entry.MERGE_UNDONE.";
		return new Line(entry.at(), who, source, msg(key + entry.entity().name(), who, other), null, List.of(),
				undoable ? "/merges/" + entry.sourceRef() + "/undo" : null);
	}

	private Change change(HistoryEntry entry, FieldChange change, RecordReferences.Known names) {
		String label = this.values.label(change.field());
		List<Link> links = new ArrayList<>();
		String before = this.values.value(entry.entity(), change.field(), change.before(), names, links);
		String after = this.values.value(entry.entity(), change.field(), change.after(), names, links);
		String text;
		if (before == null) {
			text = msg("history.change.set", label, after);
		}
		else if (after == null) {
			text = msg("history.change.cleared", label, before);
		}
		else {
			text = msg("history.change.changed", label, before, after);
		}
		return new Change(text, links);
	}

	private String msg(String key, @Nullable Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** One entry as a sentence, with the record's page when it can be opened. */
	record Line(Instant at, String who, String source, String sentence, @Nullable String path, List<Change> changes,
			@Nullable String undoPath) {
	}

	/** One changed field as a sentence, with the pages of the records it names. */
	record Change(String text, List<Link> links) {
	}

	/** A record named in a change, and its page. */
	record Link(String name, String path) {
	}

}
