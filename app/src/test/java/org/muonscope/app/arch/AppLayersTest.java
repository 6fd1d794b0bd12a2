package org.muonscope.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app's package graph (docs/architecture.md): no cycles, the root package included; the CLI is not a view. */
class AppLayersTest {
    private static final String A = "org.muonscope.app.";
    private static JavaClasses app;

    @BeforeAll
    static void load() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.muonscope.app");
    }

    /** Each first-level package is a slice, and the root package ({@code MainWindow}, the launcher) is one too. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith("org.muonscope.app")) return SliceIdentifier.ignore();
            String rest = p.equals("org.muonscope.app") ? "(root)" : p.substring(A.length()).split("\\.")[0];
            return SliceIdentifier.of(rest);
        }

        @Override
        public String getDescription() {
            return "first-level packages of org.muonscope.app and its root";
        }
    };

    @Test
    void noPackageCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(app);
    }

    @Test
    void theCommandLineOpensNoWindow() {
        noClasses().that().resideInAPackage(A + "cli..").should().dependOnClassesThat()
                .resideInAnyPackage(A + "theorylab..", A + "simplicitylab..", "javafx.scene..", "javafx.stage..").check(app);
    }
}
