package io.habitus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Component;

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

    /**
     * A module's root package is its API, so it holds only what is needed there: types another
     * module uses, the facade its own web adapter calls, and the events it publishes. Anything else
     * belongs in {@code <module>.internal} (Modulith hides sub-packages from other modules, which
     * {@link #modulesDependOnEachOtherOnlyThroughTheirApiWithoutCycles} enforces; this keeps the
     * API from growing types nobody outside needs).
     */
    @Test
    void moduleRootsHoldOnlyTypesOtherModulesUseTheirFacadesAndEvents() {
        Map<String, Set<String>> usersOf = new HashMap<>();
        for (JavaClass origin : CLASSES) {
            String from = moduleOf(origin);
            origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                String to = dependency.getTargetClass().getName().replaceFirst("\\$.*", "");
                usersOf.computeIfAbsent(to, name -> new TreeSet<>()).add(from);
            });
        }
        Set<String> strays = new TreeSet<>();
        MODULES.stream().filter(module -> !module.isOpen()).forEach(module -> {
            String root = module.getBasePackage().getName();
            Set<String> events = new TreeSet<>();
            module.getPublishedEvents().forEach(event -> events.add(event.getType().getName()));
            CLASSES.stream()
                    .filter(type -> type.getPackageName().equals(root) && type.isTopLevelClass())
                    .filter(type -> !type.getSimpleName().equals("package-info"))
                    .filter(type -> !usedByAnotherModule(type, module, usersOf))
                    .filter(type -> !isFacadeOfItsWebAdapter(type, root))
                    .filter(type -> !events.contains(type.getName()))
                    .forEach(type -> strays.add(type.getName()));
        });
        assertThat(strays).as("root types no other module uses (move them to <module>.internal)").isEmpty();
    }

    private static boolean usedByAnotherModule(JavaClass type, ApplicationModule module, Map<String, Set<String>> usersOf) {
        return usersOf.getOrDefault(type.getName(), Set.of()).stream()
                .anyMatch(user -> !user.equals(module.getIdentifier().toString()));
    }

    private static boolean isFacadeOfItsWebAdapter(JavaClass type, String root) {
        return type.isMetaAnnotatedWith(Component.class)
                && type.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency -> dependency.getOriginClass().getPackageName().equals(root + ".web"));
    }

    private static String moduleOf(JavaClass type) {
        return MODULES.getModuleByType(type).map(module -> module.getIdentifier().toString()).orElse("");
    }

    /** The rule above would pass vacuously if it saw no root types: it sees every module's facade. */
    @Test
    void theRootRuleSeesEveryModulesApi() {
        List<String> rootTypes = CLASSES.stream()
                .filter(type -> MODULES.getModuleForPackage(type.getPackageName())
                        .filter(module -> !module.isOpen() && module.getBasePackage().getName().equals(type.getPackageName()))
                        .isPresent())
                .map(JavaClass::getSimpleName)
                .toList();
        assertThat(rootTypes).contains("Images", "Audits", "ApiTokens", "SensorIngestion", "TransitionJudge",
                "ContainerStates", "EventIngestion", "Profiles", "Models", "EventPipeline", "Incidents");
    }
}
