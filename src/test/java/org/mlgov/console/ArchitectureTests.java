package org.mlgov.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.mlgov.console.audit.AuditEventRepository;

import org.springframework.beans.factory.annotation.Autowired;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * Dependency rules of the console's production code.
 */
@AnalyzeClasses(packages = "org.mlgov.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** The policy generator is plain Java: testable without Spring and without AWS. */
	@ArchTest
	static final ArchRule policyIsFreeOfSpringAndAws = noClasses().that()
		.resideInAPackage("org.mlgov.console.policy..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "software.amazon..")
		.allowEmptyShould(true);

	/** Only adapters in packages named {@code aws} talk to the AWS SDK. */
	@ArchTest
	static final ArchRule awsSdkOnlyInAwsPackages = noClasses().that()
		.resideOutsideOfPackage("..aws..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("software.amazon.awssdk..");

	/** The audit trail is append-only: its repository can insert, find, search and count, nothing else. */
	@ArchTest
	static final ArchRule auditRepositoryOnlyInsertsAndFinds = methods().that()
		.areDeclaredIn(AuditEventRepository.class)
		.and()
		.arePublic()
		.should()
		.haveNameMatching("insert|find.*|search|count");

	/** Nor does it inherit save or delete methods from Spring Data. */
	@ArchTest
	static final ArchRule auditRepositoryIsNotASpringDataRepository = noClasses().that()
		.haveFullyQualifiedName(AuditEventRepository.class.getName())
		.should()
		.beAssignableTo(org.springframework.data.repository.Repository.class);

	/** Dependencies come through constructors. */
	@ArchTest
	static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class);

}
