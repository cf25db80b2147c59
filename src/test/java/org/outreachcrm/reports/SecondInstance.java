package org.outreachcrm.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What tests need to play a second application instance on the same database: cluster
 * locks of its own, and two calls started at the same moment.
 */
final class SecondInstance {

	private SecondInstance() {
	}

	/** Cluster locks over the shared database, as another instance would hold them. */
	static LockingTaskExecutor locks(DataSource dataSource) {
		return new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.usingDbTime()
					.build()));
	}

	/**
	 * Runs both calls on two threads released together, as two instances would race, and
	 * returns their results in the order given (rethrowing what either threw).
	 */
	static <T> List<T> atOnce(Callable<T> first, Callable<T> second) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<T>> calls = List.of(instances.submit(() -> after(start, first)),
					instances.submit(() -> after(start, second)));
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> call : calls) {
				results.add(call.get());
			}
			return results;
		}
		finally {
			instances.shutdown();
		}
	}

	private static <T> T after(CountDownLatch start, Callable<T> call) throws Exception {
		start.await();
		return call.call();
	}

}
