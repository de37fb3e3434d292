package io.didplatform.packages;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.didplatform.packages", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotReadTheQuerySide = noClasses().that().resideInAPackage("..command..")
            .should().dependOnClassesThat().resideInAPackage("..query..");

    @ArchTest
    static final ArchRule querySideDoesNotSendCommands = noClasses().that().resideInAPackage("..query..")
            .should().dependOnClassesThat().resideInAPackage("..command..");

    @ArchTest
    static final ArchRule onlyTheWebLayerUsesSpringWeb = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.web..");

    @ArchTest
    static final ArchRule nothingDependsOnTheWebLayer = noClasses().that()
            .resideOutsideOfPackage("io.didplatform.packages.web..")
            .should().dependOnClassesThat().resideInAPackage("io.didplatform.packages.web..");
}
