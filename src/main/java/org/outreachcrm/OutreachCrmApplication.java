package org.outreachcrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Outreach CRM: a modular monolith whose modules are the direct sub-packages of this one.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutreachCrmApplication {

	public static void main(String[] args) {
		SpringApplication.run(OutreachCrmApplication.class, args);
	}

}
