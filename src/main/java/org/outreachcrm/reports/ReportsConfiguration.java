package org.outreachcrm.reports;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The scheduler's tick. Its cluster-wide lock (ShedLock on the {@code shedlock} table,
 * the database's own clock) comes from {@code shared.ClusterLocks}, which imports use
 * too.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReportsConfiguration {

}
