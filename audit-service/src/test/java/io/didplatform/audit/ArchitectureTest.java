package io.didplatform.audit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.didplatform.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideKnowsNothingOfTheWeb = noClasses().that().resideInAPackage("..query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.didplatform.audit.web..", "io.didplatform.audit.messaging..");

    @ArchTest
    static final ArchRule querySideDoesNotTalkToKafka = noClasses().that().resideInAPackage("..query..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.kafka..");

    @ArchTest
    static final ArchRule onlyTheWebLayerUsesSpringWeb = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.web..");

    @ArchTest
    static final ArchRule nothingWritesThroughAxon = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.axonframework.commandhandling..")
            .because("the audit service owns nothing writable: it only projects what others published");
}
