package io.habitus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold: Spring Modulith for dependencies between modules, ArchUnit for the rest. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(HabitusApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.habitus");

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirApiWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void webAdaptersDoNotTouchPersistence() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "..persistence..")
                .check(CLASSES);
    }

    @Test
    void libsvmIsUsedOnlyInsideTheModelModule() {
        noClasses().that().resideOutsideOfPackage("io.habitus.model..")
                .should().dependOnClassesThat().resideInAPackage("libsvm..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void controllersAreNotPublic() {
        noClasses().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().bePublic()
                .check(CLASSES);
    }

    @Test
    void writesTheModuleDiagramWithEveryModule() throws java.io.IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        String diagram = java.nio.file.Files.readString(java.nio.file.Path.of("target/spring-modulith-docs/components.puml"));
        MODULES.forEach(module -> org.assertj.core.api.Assertions.assertThat(diagram).contains(module.getDisplayName()));
    }
}
