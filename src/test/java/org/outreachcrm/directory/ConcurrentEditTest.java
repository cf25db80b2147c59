package org.outreachcrm.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.outreachcrm.shared.StaleVersionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.withVersion;

/**
 * Two people save the same organization at the same moment, both based on version 0:
 * exactly one wins, the other is told, and the stored record is the winner's.
 */
@DatabaseTest
@SpringBootTest
class ConcurrentEditTest {

	@Autowired
	Organizations organizations;

	@Test
	void simultaneousSavesEndInOneSuccessAndOneConflict() throws Exception {
		String m = marker();
		OrganizationRequest request = organization("Race " + m, OrganizationType.NGO, "PL");
		OrganizationDetails created = this.organizations.create(request);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<String>> outcomes = new ArrayList<>();
		for (String editor : List.of("Anna", "Bogdan")) {
			outcomes.add(pool.submit(() -> {
				start.await();
				try {
					this.organizations.update(created.id(), withVersion(request, editor + " " + m, created.version()));
					return "saved:" + editor;
				}
				catch (StaleVersionException | ObjectOptimisticLockingFailureException ex) {
					return "conflict";
				}
			}));
		}
		start.countDown();
		List<String> results = new ArrayList<>();
		for (Future<String> outcome : outcomes) {
			results.add(outcome.get());
		}
		pool.shutdown();

		assertThat(results).containsOnlyOnce("conflict");
		String winner = results.stream().filter((r) -> r.startsWith("saved:")).findFirst().orElseThrow().substring(6);
		OrganizationDetails stored = this.organizations.get(created.id());
		assertThat(stored.name()).isEqualTo(winner + " " + m);
		assertThat(stored.version()).isEqualTo(created.version() + 1);
		this.organizations.delete(created.id(), null);
	}

}
