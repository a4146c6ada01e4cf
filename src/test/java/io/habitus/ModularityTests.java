package io.habitus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The README's diagram is the module graph: every arrow between two modules inside its
     * {@code subgraph Habitus} is a direct dependency Spring Modulith derives from the code, and
     * every such dependency is drawn (arrows into the open {@code shared} module are left to prose).
     */
    @Test
    void theReadmeDiagramDrawsTheModuleGraph() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String graph = readme.substring(readme.indexOf("subgraph Habitus"), readme.indexOf("  end", readme.indexOf("subgraph Habitus")));
        Set<String> names = new TreeSet<>();
        MODULES.forEach(m -> names.add(m.getIdentifier().toString()));
        Set<String> drawn = new TreeSet<>();
        Matcher arrow = Pattern.compile("(?m)^\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*-->\\s*(\\w+)")
                .matcher(graph);
        while (arrow.find()) {
            if (names.contains(arrow.group(1)) && names.contains(arrow.group(2)) && !arrow.group(2).equals("shared")) {
                drawn.add(arrow.group(1) + " --> " + arrow.group(2));
            }
        }
        Set<String> derived = new TreeSet<>();
        MODULES.forEach(m -> m.getDirectDependencies(MODULES).uniqueModules()
                .filter(target -> !target.getIdentifier().toString().equals("shared"))
                .forEach(target -> derived.add(m.getIdentifier() + " --> " + target.getIdentifier())));
        assertThat(drawn).as("README diagram arrows").isEqualTo(derived);
    }

    @Test
    void writesTheModuleDiagramWithEveryModule() throws IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        String diagram = java.nio.file.Files.readString(java.nio.file.Path.of("target/spring-modulith-docs/components.puml"));
        MODULES.forEach(module -> org.assertj.core.api.Assertions.assertThat(diagram).contains(module.getDisplayName()));
    }
}
