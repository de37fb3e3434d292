package io.didplatform.clients;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.didplatform.testing.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.didplatform.clients", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layers = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses().that().resideOutsideOfPackage("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.kafka..");
}
