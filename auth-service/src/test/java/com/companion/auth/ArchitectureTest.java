package com.companion.auth;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Keeps the feature packages honest: features form layers without cycles, internals stay internal. */
class ArchitectureTest {

    private static final String ROOT = "com.companion.auth";
    private static final Pattern FEATURE = Pattern.compile("^com\\.companion\\.auth\\.([a-z]+)(\\..*)?$");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featuresOnlyUseTheFeaturesBelowThem() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("admin")
                .definedBy(ROOT + ".admin..")
                .layer("login")
                .definedBy(ROOT + ".login..")
                .layer("account")
                .definedBy(ROOT + ".account..")
                .layer("session")
                .definedBy(ROOT + ".session..")
                .layer("token")
                .definedBy(ROOT + ".token..")
                .layer("audit")
                .definedBy(ROOT + ".audit..")
                .whereLayer("admin")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("login")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("account")
                .mayOnlyBeAccessedByLayers("login", "admin")
                .whereLayer("session")
                .mayOnlyBeAccessedByLayers("account")
                .whereLayer("token")
                .mayOnlyBeAccessedByLayers("session")
                .check(CLASSES);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnFeature() {
        ArchRuleDefinition.classes()
                .that()
                .resideInAPackage(ROOT + "..internal..")
                .should(onlyBeAccessedFromTheirFeature())
                .check(CLASSES);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        ArchRuleDefinition.noFields()
                .should()
                .beAnnotatedWith(Autowired.class)
                .because("constructor injection keeps dependencies explicit and final")
                .check(CLASSES);
    }

    @Test
    void persistenceIsSpringJdbcNotJpa() {
        ArchRuleDefinition.noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate.orm..")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> onlyBeAccessedFromTheirFeature() {
        return new ArchCondition<>("only be accessed from their own feature") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                Optional<String> owner = feature(internal);
                internal.getAccessesToSelf().forEach(access -> {
                    JavaClass caller = access.getOriginOwner();
                    if (!feature(caller).equals(owner)) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                });
                internal.getDirectDependenciesToSelf().forEach(dependency -> {
                    if (!feature(dependency.getOriginClass()).equals(owner)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static Optional<String> feature(JavaClass javaClass) {
        Matcher matcher = FEATURE.matcher(javaClass.getPackageName());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
