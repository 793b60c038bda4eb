package com.companion.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The layout rules every service keeps: features (the packages directly under the service's
 * root) do not depend on each other in cycles, nothing reaches into another feature's
 * {@code internal} package, no service imports another service's code, and beans are wired
 * through constructors.
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES =
            List.of("gateway", "auth", "character", "chat", "worker", "media", "ad", "analytics");

    public static void verify(String rootPackage) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);

        slices().matching(rootPackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("features must be separable; a cycle means two features are one")
                .check(imported);

        classes().should(notReachIntoAnotherFeaturesInternals(rootPackage)).check(imported);

        String[] otherServices = SERVICES.stream()
                .map(s -> "com.companion." + s + "..")
                .filter(p -> !p.equals(rootPackage + ".."))
                .toArray(String[]::new);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(otherServices)
                .because("a service never imports another service's code; events and HTTP cross the boundary")
                .check(imported);

        noFields()
                .should()
                .beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .because("dependencies are constructor-injected")
                .allowEmptyShould(true)
                .check(imported);
    }

    private static ArchCondition<JavaClass> notReachIntoAnotherFeaturesInternals(String root) {
        return new ArchCondition<>("not depend on another feature's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    String targetPackage = target.getPackageName();
                    if (targetPackage.startsWith(root + ".")
                            && targetPackage.contains(".internal")
                            && !feature(root, targetPackage).equals(feature(root, origin.getPackageName()))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String feature(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return "";
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private ServiceArchitecture() {}
}
