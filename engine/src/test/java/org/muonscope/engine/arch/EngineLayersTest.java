package org.muonscope.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package graph of docs/architecture.md, checked on the compiled engine. */
class EngineLayersTest {
    private static final String E = "org.muonscope.engine.";
    private static JavaClasses engine;

    @BeforeAll
    static void load() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.muonscope.engine");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.muonscope.engine.(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void theEngineImportsNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(engine);
    }

    @Test
    void theRunLayerIsAboveTheSpecsAndTheIoLayer() {
        noClasses().that().resideInAnyPackage(E + "io..", E + "spec..")
                .should().dependOnClassesThat().resideInAnyPackage(E + "run..", E + "experiments..").check(engine);
        noClasses().that().resideInAPackage(E + "spec..")
                .should().dependOnClassesThat().resideInAPackage(E + "io..").check(engine);
        noClasses().that().resideInAPackage(E + "run..")
                .should().dependOnClassesThat().resideInAPackage(E + "experiments..").check(engine);
    }

    @Test
    void sweepsAreTheTopOfTheEngine() {
        noClasses().that().resideOutsideOfPackage(E + "sweep..")
                .should().dependOnClassesThat().resideInAPackage(E + "sweep..").check(engine);
    }

    @Test
    void theNumericsImportNothingOfTheRunLayer() {
        noClasses().that().resideInAnyPackage(E + "linalg..", E + "random..", E + "optim..", E + "theory..", E + "model..",
                E + "data..")
                .should().dependOnClassesThat().resideInAnyPackage(E + "spec..", E + "io..", E + "run..", E + "experiments..",
                        E + "sweep..")
                .check(engine);
    }

    @Test
    void theBottomPackagesStandAlone() {
        noClasses().that().resideInAnyPackage(E + "linalg..", E + "random..")
                .should().dependOnClassesThat().resideInAnyPackage(E + "optim..", E + "theory..", E + "model..", E + "data..")
                .check(engine);
    }
}
