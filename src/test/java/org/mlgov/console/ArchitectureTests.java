package org.mlgov.console;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.mlgov.console.audit.AuditEventRepository;

import org.springframework.beans.factory.annotation.Autowired;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependency rules of the console's production code: the module boundaries. Each package directly under
 * {@code org.mlgov.console} is a feature module (with its sub-packages, such as {@code review.web}); modules must not
 * form cycles, reach each other's repositories, or talk to the AWS SDK outside packages named {@code aws}.
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
		.haveNameMatching("insert|find.*|search|count|countUpTo");

	/** Nor does it inherit save or delete methods from Spring Data. */
	@ArchTest
	static final ArchRule auditRepositoryIsNotASpringDataRepository = noClasses().that()
		.haveFullyQualifiedName(AuditEventRepository.class.getName())
		.should()
		.beAssignableTo(org.springframework.data.repository.Repository.class);

	/** Feature modules depend on each other in one direction only: a cycle between two of them fails the build. */
	@ArchTest
	static final ArchRule featureModulesAreFreeOfCycles = modulesAreFreeOfCycles("org.mlgov.console");

	/** Other modules reach a feature through its service, never through its repository. */
	@ArchTest
	static final ArchRule repositoriesStayInsideTheirModule = repositoriesStayInsideTheirModule("org.mlgov.console");

	static ArchRule modulesAreFreeOfCycles(String root) {
		return slices().matching(root + ".(*)..").namingSlices("module $1").should().beFreeOfCycles();
	}

	static ArchRule repositoriesStayInsideTheirModule(String root) {
		return classes().that()
			.resideInAPackage(root + "..")
			.should(new ArchCondition<JavaClass>("use only the repositories of their own module") {
				@Override
				public void check(JavaClass origin, ConditionEvents events) {
					for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
						JavaClass target = dependency.getTargetClass();
						if (target.getSimpleName().endsWith("Repository") && target.getPackageName().startsWith(root + ".")
								&& !module(root, target).equals(module(root, origin))) {
							events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
						}
					}
				}
			});
	}

	private static String module(String root, JavaClass type) {
		String rest = type.getPackageName().substring(Math.min(type.getPackageName().length(), root.length() + 1));
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	/** The rules catch what they are for: a deliberate cycle and a foreign repository in test-only fixtures. */
	@Test
	void theBoundaryRulesFailOnADeliberateCycleAndAForeignRepository() {
		JavaClasses fixture = new ClassFileImporter().importPackages("org.mlgov.console.archfixture");
		assertThat(modulesAreFreeOfCycles("org.mlgov.console.archfixture").evaluate(fixture).getFailureReport().getDetails())
			.anySatisfy((line) -> assertThat(line).contains("Cycle detected: module alpha -> ").contains("module beta"));
		assertThat(repositoriesStayInsideTheirModule("org.mlgov.console.archfixture").evaluate(fixture)
			.getFailureReport()
			.getDetails()).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("AlphaService").contains("BetaRepository"));
	}

	/** Dependencies come through constructors. */
	@ArchTest
	static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class);

}
