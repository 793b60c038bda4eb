package com.companion.character;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.companion.character.core.CharacterStore;
import com.companion.character.core.Grants;
import com.companion.character.events.CharacterEvents;
import com.companion.platform.messaging.outbox.Outbox;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the feature packages honest. */
@AnalyzeClasses(packages = "com.companion.character", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String APP = "com.companion.character";
    private static final List<String> FEATURES =
            List.of("profile", "adult", "sharing", "catalogue", "avatar", "moderation", "card");
    private static final String[] FOUNDATION = {APP + ".core..", APP + ".access..", APP + ".events..", APP + ".users.."
    };

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching(APP + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule foundationKnowsNoFeature = noClasses()
            .that()
            .resideInAnyPackage(FOUNDATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES.stream().map(f -> APP + "." + f + "..").toArray(String[]::new));

    @ArchTest
    static final ArchRule internalsStayInsideTheirFeature = CompositeArchRule.of(FEATURES.stream()
            .map(f -> classes()
                    .that()
                    .resideInAPackage(APP + "." + f + ".internal..")
                    .should()
                    .onlyBeAccessed()
                    .byAnyPackage(APP + "." + f + "..")
                    .allowEmptyShould(true))
            .map(ArchRule.class::cast)
            .toList());

    @ArchTest
    static final ArchRule onlyCharacterEventsPublishes = noClasses()
            .that()
            .doNotBelongToAnyOf(CharacterEvents.class)
            .and()
            .doNotHaveFullyQualifiedName(APP + ".card.internal.AccountExport")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(Outbox.class)
            .because(
                    "every change is published as one full snapshot, in one place (a data export's part is no change)");

    @ArchTest
    static final ArchRule controllersDoNoSql = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(JdbcClient.class, CharacterStore.class, Grants.class)
            .because("reads go through CharacterAccess and changes through a service");

    @ArchTest
    static final ArchRule listenersOnlyWhereEventsAreConsumed = classes()
            .that()
            .containAnyMethodsThat(annotatedWith(KafkaListener.class))
            .should()
            .resideInAnyPackage(
                    APP + ".users.internal..",
                    APP + ".avatar..",
                    APP + ".catalogue.internal..",
                    APP + ".card.internal..",
                    APP + ".moderation.internal..");
}
