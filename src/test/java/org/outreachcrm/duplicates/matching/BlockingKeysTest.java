package org.outreachcrm.duplicates.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockingKeysTest {

	@Test
	void storedHashOfAKeyNeverChangesBetweenReleases() {
		// the stored keys of every record depend on these values: a change needs a
		// migration that drops duplicate_key, so that a scan writes them again
		assertThat(BlockingKeys.hash("")).isEqualTo(-1166397803181037274L);
		assertThat(BlockingKeys.hash("nPL:kowa+lucj")).isEqualTo(7422378791173930931L);
	}

	@Test
	void keysOfManyRecordsHashApart() {
		Set<Long> hashes = new HashSet<>();
		int keys = 0;
		for (int i = 0; i < 200_000; i++) {
			for (String key : List.of("nPL:" + i, "tPL:" + i, "ePL:person." + i + "@pl.example.org", "nDE:" + i)) {
				hashes.add(BlockingKeys.hash(key));
				keys++;
			}
		}
		assertThat(hashes).hasSize(keys).doesNotContain(Long.MIN_VALUE);
	}

	@Test
	void recordsSharingAKeyShareItsHash() {
		Profile first = Profile.person(new Candidate(1, "Łucja Kowalczyk", "PL", null, null, List.of(), List.of()));
		Profile second = Profile.person(new Candidate(2, "Lucja KOWALCZYK", "pl", null, null, List.of(), List.of()));
		Set<String> sharedKeys = new HashSet<>(BlockingKeys.of(first));
		sharedKeys.retainAll(BlockingKeys.of(second));
		Set<Long> shared = hashes(first);
		shared.retainAll(hashes(second));
		assertThat(sharedKeys).isNotEmpty();
		assertThat(shared).containsExactlyInAnyOrderElementsOf(sharedKeys.stream().map(BlockingKeys::hash).toList());
	}

	private static Set<Long> hashes(Profile profile) {
		Set<Long> hashes = new HashSet<>();
		BlockingKeys.of(profile).forEach((key) -> hashes.add(BlockingKeys.hash(key)));
		return hashes;
	}

}
