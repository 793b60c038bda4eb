package com.companion.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The features and which way they may lean: intake takes requests and hands them to reply; reply
 * uses guard, prompt and llm; llm and guard know nothing of the others.
 */
@AnalyzeClasses(packages = "com.companion.worker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("com.companion.worker.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule llmStandsAlone = noClasses()
            .that()
            .resideInAPackage("..worker.llm..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..worker.reply..", "..worker.intake..", "..worker.prompt..", "..worker.guard..");

    @ArchTest
    static final ArchRule guardStandsAlone = noClasses()
            .that()
            .resideInAPackage("..worker.guard..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..worker.reply..", "..worker.intake..", "..worker.prompt..", "..worker.llm..");

    @ArchTest
    static final ArchRule onlyIntakeKnowsTheConsumer = noClasses()
            .that()
            .resideOutsideOfPackage("..worker.intake..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.confluent.parallelconsumer..", "org.apache.kafka.clients.consumer..");

    @ArchTest
    static final ArchRule onlyLlmTalksHttp = noClasses()
            .that()
            .resideOutsideOfPackage("..worker.llm..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net.http..", "io.github.resilience4j..");
}
