package org.outreachcrm.imports;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The inbox folder is polled on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportsConfiguration {

}
