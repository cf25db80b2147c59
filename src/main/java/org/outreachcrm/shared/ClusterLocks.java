package org.outreachcrm.shared;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Cluster-wide locks (ShedLock over the application's database) for work that must happen
 * on exactly one of several instances: {@code @SchedulerLock} on scheduled methods, and
 * {@link LockingTaskExecutor} for long work such as an import run. Locks are kept alive
 * while their holder works and expire after {@code lockAtMostFor} when it dies, so
 * another instance takes over. Rows of locks expired longer than
 * {@code crm.cluster.lock-retention} are removed by {@link ClusterLockCleanup}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@EnableScheduling
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterLocks {

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService lockKeepAlive() {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "cluster-lock-keep-alive");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource, ScheduledExecutorService lockKeepAlive) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		JdbcTemplateLockProvider database = new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc).usingDbTime().build());
		return new KeepAliveLockProvider(new RecreatingLockProvider(database, jdbc), lockKeepAlive);
	}

	@Bean
	LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
		return new DefaultLockingTaskExecutor(lockProvider);
	}

}
