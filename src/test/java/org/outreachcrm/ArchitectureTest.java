package org.outreachcrm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.outreachcrm");

	@Test
	void entitiesAreNotPublic() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.because("other modules use a module's services and records, never its entities")
			.check(this.classes);
	}

	@Test
	void repositoriesAreNotPublic() {
		classes().that()
			.areAssignableTo(Repository.class)
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.because("a module never touches another module's repositories")
			.check(this.classes);
	}

	@Test
	void controllersAreNotPublicAndLiveInWebPackages() {
		classes().that()
			.areNotAnnotations()
			.and()
			.areAnnotatedWith(Controller.class)
			.or()
			.areMetaAnnotatedWith(Controller.class)
			.and()
			.areNotAnnotations()
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.andShould()
			.resideInAPackage("..web..")
			.check(this.classes);
	}

	@Test
	void servicesDoNotDependOnTheWebLayer() {
		noClasses().that()
			.resideOutsideOfPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.outreachcrm..web..")
			.check(this.classes);
	}

}
