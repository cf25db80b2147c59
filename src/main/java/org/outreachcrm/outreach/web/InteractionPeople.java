package org.outreachcrm.outreach.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.Contacts;

import org.springframework.stereotype.Component;

/**
 * The people an interaction names, by name: one query for a whole page of interactions. A
 * person who was erased keeps the erased marker (the templates word it); one the viewer
 * may not see keeps a place without a name, so that no name leaks and no bare id shows.
 */
@Component
class InteractionPeople {

	private final Contacts contacts;

	InteractionPeople(Contacts contacts) {
		this.contacts = contacts;
	}

	/** Names of the given people that the viewer may see, by id. */
	Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.contacts.cards(ids).forEach((c) -> names.put(c.id(), c.displayName()));
		}
		return names;
	}

	/** The people in the order given, each with its name if the viewer may see it. */
	List<Person> of(List<Long> ids, Map<Long, String> names) {
		List<Person> people = new ArrayList<>(ids.size());
		ids.forEach((id) -> people.add(new Person(id, names.get(id))));
		return people;
	}

	List<Person> of(List<Long> ids) {
		return of(ids, names(ids));
	}

	/** A person named by an interaction; no name when the viewer may not see them. */
	record Person(long id, @Nullable String name) {
	}

}
