package com.companion.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.companion.contracts.EventSamples.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Pins the wire form of every event: an accidental change to a record, a Jackson upgrade or a
 * codec setting that alters the JSON fails here. A deliberate change updates the pinned file in
 * {@code src/test/resources/pinned} in the same commit, where a reviewer sees the diff.
 */
class PinnedEventJsonTest {

    static Stream<Sample> samples() {
        return EventSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodedEnvelopeMatchesPinnedJsonExactly(Sample sample) throws JSONException {
        String actual = EventJson.encode(sample.envelope());

        String pinned = readPinned(sample);

        try {
            JSONAssert.assertEquals(pinned, actual, JSONCompareMode.STRICT);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "the JSON of " + sample + " differs from " + sample.pinnedResource()
                            + ". If the change is intended and compatible, replace the pinned file with:\n"
                            + pretty(actual) + "\n" + e.getMessage(),
                    e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodingTheEncodedEnvelopeGivesBackAnEqualEnvelope(Sample sample) {
        EventEnvelope<Event> envelope = sample.envelope();

        EventEnvelope<Event> decoded = EventJson.decode(EventJson.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.data()).isInstanceOf(sample.type().javaType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordsAlreadyOnTheTopicStillDecodeToTheSample(Sample sample) {
        EventEnvelope<Event> decoded;
        try {
            decoded = EventJson.decode(readPinned(sample));
        } catch (MalformedEventException e) {
            throw new AssertionError(
                    sample.pinnedResource() + " no longer decodes, so neither would records of this shape already on "
                            + sample.type().topic() + " (a new required or primitive field breaks them):"
                            + " keep the change compatible or make a new topic version",
                    e);
        }

        assertThat(decoded).isEqualTo(sample.envelope());
    }

    /**
     * Records written at an earlier schema version ({@code src/test/resources/pinned-earlier}, named
     * {@code <wire name>--v<version>.json}) still decode to the data of the sample named beside them
     * (the canonical one, or a variant without the optional fields added since), so a rolling upgrade whose
     * producers still write the old version loses nothing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"chat.reply-blocked--v1, chat.reply-blocked", "chat.reply-failed--v1, chat.reply-failed--without-model"
    })
    void recordsOfAnEarlierSchemaVersionStillDecode(String file, String sampleName) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/pinned-earlier/" + file + ".json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Sample sample = EventSamples.all().stream()
                .filter(s -> s.name().equals(sampleName))
                .findFirst()
                .orElseThrow();
        assertThat(file).startsWith(sample.type().name() + "--");

        EventEnvelope<Event> decoded = EventJson.decode(json);

        assertThat(decoded.schemaVersion()).isLessThan(sample.type().schemaVersion());
        assertThat(decoded.data()).isEqualTo(sample.event());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void envelopeCarriesTheWireNameTopicAndVersionOfItsEventType(Sample sample) {
        EventEnvelope<Event> envelope = sample.envelope();

        assertThat(envelope.eventType()).isEqualTo(sample.type().name());
        assertThat(envelope.schemaVersion()).isEqualTo(sample.type().schemaVersion());
        assertThat(envelope.topic()).isEqualTo(sample.type().topic());
        assertThat(envelope.key()).isEqualTo(sample.event().partitionKey());
    }

    @Test
    void everyRegisteredEventTypeHasExactlyOneCanonicalSample() {
        List<String> canonical =
                EventSamples.canonical().stream().map(Sample::name).toList();

        assertThat(canonical)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        EventTypes.ALL.stream().map(EventType::name).toList());
    }

    @Test
    void everySampleIsPinnedAndEveryPinnedFileBelongsToASample() throws IOException, URISyntaxException {
        Set<String> sampleFiles =
                EventSamples.all().stream().map(s -> s.name() + ".json").collect(Collectors.toCollection(TreeSet::new));

        Set<String> pinnedFiles;
        try (Stream<Path> files =
                Files.list(Path.of(getClass().getResource("/pinned").toURI()))) {
            pinnedFiles = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(pinnedFiles).as("files in src/test/resources/pinned").isEqualTo(sampleFiles);
    }

    @Test
    void variantSamplesAreNamedAfterTheirEventType() {
        assertThat(EventSamples.all())
                .allSatisfy(sample -> assertThat(sample.name())
                        .satisfiesAnyOf(
                                name -> assertThat(name).isEqualTo(sample.type().name()),
                                name -> assertThat(name)
                                        .startsWith(sample.type().name() + "--")));
        assertThat(EventSamples.all().stream().map(Sample::name)).doesNotHaveDuplicates();
    }

    /** A field left null or empty in the canonical sample would leave its wire form unpinned. */
    @Test
    void canonicalSamplesSetEveryFieldIncludingNestedOnes() {
        List<String> unset = new ArrayList<>();
        for (Sample sample : EventSamples.canonical()) {
            collectUnset(sample.event(), sample.name(), unset);
        }

        assertThat(unset).as("fields without a value in the canonical samples").isEmpty();
    }

    private static void collectUnset(Object value, String path, List<String> unset) {
        if (value == null) {
            unset.add(path);
        } else if (value instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                unset.add(path + " (empty)");
            }
            int i = 0;
            for (Object element : collection) {
                collectUnset(element, path + "[" + i++ + "]", unset);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                collectUnset(read(component, record), path + "." + component.getName(), unset);
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readPinned(Sample sample) {
        try (InputStream in = PinnedEventJsonTest.class.getResourceAsStream(sample.pinnedResource())) {
            if (in == null) {
                return fail("no pinned JSON for " + sample + ": add " + "src/test/resources" + sample.pinnedResource()
                        + " with:\n" + pretty(EventJson.encode(sample.envelope())));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pretty(String json) {
        var mapper = EventJson.mapper();
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json));
    }
}
