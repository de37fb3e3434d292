package io.didplatform.testing;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every Axon service keeps (command and query sides apart, Spring Web only in {@code web}). A
 * service's {@code ArchitectureTest} checks them all on its own classes with
 * {@code @ArchTest static final ArchTests layers = ArchTests.in(ServiceArchitecture.class);}, next to its own rules.
 */
public final class ServiceArchitecture {

    @ArchTest
    public static final ArchRule commandSideDoesNotReadTheQuerySide = noClasses().that().resideInAPackage("..command..")
            .should().dependOnClassesThat().resideInAPackage("..query..");

    @ArchTest
    public static final ArchRule querySideDoesNotSendCommands = noClasses().that().resideInAPackage("..query..")
            .should().dependOnClassesThat().resideInAPackage("..command..");

    @ArchTest
    public static final ArchRule onlyTheWebLayerUsesSpringWeb = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.web..");

    private ServiceArchitecture() {
    }
}
