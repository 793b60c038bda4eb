package com.companion.media.validation;

import static com.companion.media.testing.TestFiles.concat;
import static com.companion.media.testing.TestFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.contracts.media.MediaKind;
import com.companion.media.testing.Exif;
import com.companion.media.testing.TestFiles;
import com.companion.platform.web.problem.ApiProblem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MediaInspectorTest {

    static final ValidationProperties LIMITS = new ValidationProperties(
            DataSize.ofMegabytes(10),
            DataSize.ofMegabytes(25),
            DataSize.ofMegabytes(10),
            40_000_000,
            256,
            90,
            2,
            Duration.ofSeconds(5));

    final MediaInspector inspector = new MediaInspector(LIMITS);

    @Nested
    class Images {

        @Test
        void aPngIsWrittenAnewWithTheSamePixelsAndAThumbnail() {
            BufferedImage original = TestFiles.picture(600, 300, true);

            InspectedMedia result = inspector.inspect(MediaKind.IMAGE, TestFiles.png(original));

            assertThat(result.stored()).isEqualTo(Format.PNG);
            assertThat(result.width()).isEqualTo(600);
            assertThat(result.height()).isEqualTo(300);
            assertSamePixels(TestFiles.decode(result.content()), original);
            BufferedImage thumbnail = TestFiles.decode(result.thumbnail());
            assertThat(thumbnail.getWidth()).isEqualTo(256);
            assertThat(thumbnail.getHeight()).isEqualTo(128);
        }

        @Test
        void aJpegLosesItsExifAndGpsButKeepsItsSize() throws Exception {
            byte[] upload = TestFiles.jpegWithGps(TestFiles.blocks(120, 80), 1);
            assertThat(ImageLayout.of(Format.JPEG, upload).exif()).isNotNull();

            InspectedMedia result = inspector.inspect(MediaKind.IMAGE, upload);

            assertThat(result.stored()).isEqualTo(Format.JPEG);
            assertThat(ImageLayout.of(Format.JPEG, result.content()).exif()).isNull();
            assertThat(Exif.contains(result.content(), Exif.latitudeBytes())).isFalse();
            assertThat(Exif.contains(result.content(), text("Exif"))).isFalse();
            BufferedImage stored = TestFiles.decode(result.content());
            assertThat(stored.getWidth()).isEqualTo(120);
            assertThat(stored.getHeight()).isEqualTo(80);
            int topLeft = stored.getRGB(10, 10);
            assertThat(red(topLeft)).isGreaterThan(240);
            assertThat((topLeft >> 8) & 0xFF).isLessThan(16);
        }

        @Test
        void theExifOrientationIsAppliedToThePixelsBeforeItIsDropped() {
            BufferedImage original = TestFiles.blocks(120, 80);

            InspectedMedia result = inspector.inspect(MediaKind.IMAGE, TestFiles.jpegWithGps(original, 6));

            BufferedImage upright = TestFiles.decode(result.content());
            assertThat(upright.getWidth()).isEqualTo(80);
            assertThat(upright.getHeight()).isEqualTo(120);
            // rotated 90 degrees clockwise: the red top-left quarter is now top-right
            assertThat(red(upright.getRGB(70, 10))).isGreaterThan(200);
            assertThat(red(upright.getRGB(10, 10))).isLessThan(60);
        }

        @Test
        void gifAndWebpAreStoredAsPng() {
            InspectedMedia gif = inspector.inspect(MediaKind.AVATAR, TestFiles.gif(TestFiles.blocks(40, 40)));
            InspectedMedia webp = inspector.inspect(MediaKind.AVATAR, TestFiles.webp());

            assertThat(gif.detected()).isEqualTo(Format.GIF);
            assertThat(gif.stored()).isEqualTo(Format.PNG);
            assertThat(TestFiles.decode(gif.content()).getWidth()).isEqualTo(40);
            assertThat(webp.detected()).isEqualTo(Format.WEBP);
            assertThat(webp.stored()).isEqualTo(Format.PNG);
            assertThat(TestFiles.decode(webp.content()).getRGB(0, 0))
                    .isEqualTo(TestFiles.decode(TestFiles.webp()).getRGB(0, 0));
        }

        @Test
        void aHeaderClaimingFiftyThousandSquaredPixelsIsRefusedBeforeDecoding() {
            byte[] bomb = TestFiles.pixelBombPng(50_000, 50_000);
            assertThat(bomb.length).isLessThan(200);

            assertRefused(() -> inspector.inspect(MediaKind.IMAGE, bomb), 422, "image-too-large");
        }

        @Test
        void aJpegWithThousandsOfScansIsRefusedBeforeDecoding() {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
            for (int i = 0; i < 2000; i++) {
                jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 0x12});
            }
            jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});

            assertRefused(() -> inspector.inspect(MediaKind.IMAGE, jpeg.toByteArray()), 422, "invalid-file");
        }

        @Test
        void aTruncatedImageIsInvalid() {
            byte[] png = TestFiles.png(TestFiles.blocks(50, 50));

            assertRefused(
                    () -> inspector.inspect(MediaKind.IMAGE, Arrays.copyOf(png, png.length - 20)), 422, "invalid-file");
        }
    }

    @Nested
    class Hostile {

        @Test
        void textIsNotAnImageWhateverItIsCalled() {
            assertRefused(
                    () -> inspector.inspect(MediaKind.IMAGE, text("just some text, honest")),
                    415,
                    "unsupported-media-type");
        }

        @Test
        void svgWithScriptIsActiveContent() {
            assertRefused(
                    () -> inspector.inspect(MediaKind.IMAGE, text(TestFiles.SVG_WITH_SCRIPT)), 422, "active-content");
            assertRefused(
                    () -> inspector.inspect(MediaKind.OTHER, text(TestFiles.SVG_WITH_SCRIPT)), 422, "active-content");
        }

        @Test
        void htmlIsActiveContentForEveryKind() {
            byte[] html = text("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
            for (MediaKind kind : MediaKind.values()) {
                assertRefused(() -> inspector.inspect(kind, html), 422, "active-content");
            }
        }

        @Test
        void aGifHeaderFollowedByScriptIsRefused() {
            byte[] polyglot = text("GIF89a/*<script>alert(document.domain)</script>*/");

            assertRefused(() -> inspector.inspect(MediaKind.IMAGE, polyglot), 422, "active-content");
        }

        @Test
        void aValidGifWithHtmlAfterItsTrailerIsRefused() {
            byte[] polyglot =
                    concat(TestFiles.gif(TestFiles.blocks(20, 20)), text("<html><script>alert(1)</script></html>"));

            assertRefused(() -> inspector.inspect(MediaKind.IMAGE, polyglot), 422, "active-content");
        }

        @Test
        void aPngWithATrailingZipIsRefused() {
            byte[] polyglot = concat(TestFiles.png(TestFiles.blocks(20, 20)), TestFiles.zip("payload.js", "alert(1)"));

            assertRefused(() -> inspector.inspect(MediaKind.AVATAR, polyglot), 422, "active-content");
        }

        @Test
        void aPngWithScriptInATextChunkIsRefused() {
            byte[] png = TestFiles.pngWithText(TestFiles.blocks(20, 20), "Comment", "hello <script>alert(1)</script>");

            assertRefused(() -> inspector.inspect(MediaKind.IMAGE, png), 422, "active-content");
        }

        @Test
        void zeroPaddingAfterAnImageIsNotAPayload() {
            byte[] padded = concat(TestFiles.png(TestFiles.blocks(20, 20)), new byte[16]);

            assertThat(inspector.inspect(MediaKind.IMAGE, padded).width()).isEqualTo(20);
        }
    }

    @Nested
    class Kinds {

        @Test
        void eachKindAcceptsOnlyItsFormats() {
            byte[] png = TestFiles.png(TestFiles.blocks(20, 20));
            assertRefused(() -> inspector.inspect(MediaKind.AUDIO, png), 415, "unsupported-media-type");
            assertRefused(() -> inspector.inspect(MediaKind.AVATAR, TestFiles.wav()), 415, "unsupported-media-type");
            assertRefused(() -> inspector.inspect(MediaKind.OTHER, TestFiles.wav()), 415, "unsupported-media-type");
        }

        @Test
        void audioIsStoredAsItCame() {
            byte[] wav = TestFiles.wav();
            byte[] mp3 = TestFiles.mp3("Morning song");

            InspectedMedia storedWav = inspector.inspect(MediaKind.AUDIO, wav);
            InspectedMedia storedMp3 = inspector.inspect(MediaKind.AUDIO, mp3);

            assertThat(storedWav.stored()).isEqualTo(Format.WAV);
            assertThat(storedWav.content()).isEqualTo(wav);
            assertThat(storedWav.thumbnail()).isNull();
            assertThat(storedMp3.stored()).isEqualTo(Format.MP3);
        }

        @Test
        void audioWithScriptInItsTagsIsRefused() {
            assertRefused(
                    () -> inspector.inspect(MediaKind.AUDIO, TestFiles.mp3("x<script>alert(1)</script>")),
                    422,
                    "active-content");
        }

        @Test
        void plainTextAndQuietPdfsAreTheOnlyDocuments() {
            assertThat(inspector
                            .inspect(MediaKind.OTHER, text("Notes for Mira:\n- tea\n- stars\n"))
                            .stored())
                    .isEqualTo(Format.TEXT);
            assertThat(inspector.inspect(MediaKind.OTHER, TestFiles.pdf("")).stored())
                    .isEqualTo(Format.PDF);
            assertRefused(
                    () -> inspector.inspect(MediaKind.OTHER, TestFiles.zip("a.txt", "hi")),
                    415,
                    "unsupported-media-type");
        }

        @Test
        void pdfsWithActionsOrScriptsAreRefusedEvenWhenTheNameIsEscaped() {
            assertRefused(
                    () -> inspector.inspect(
                            MediaKind.OTHER, TestFiles.pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")),
                    422,
                    "active-content");
            assertRefused(
                    () -> inspector.inspect(MediaKind.OTHER, TestFiles.pdf("/AA << /O << /S /J#61vaScript >> >>")),
                    422,
                    "active-content");
            assertRefused(
                    () -> inspector.inspect(MediaKind.OTHER, concat(TestFiles.pdf(""), text("<html>"))),
                    422,
                    "active-content");
        }

        @Test
        void textThatIsNotCleanUtf8IsRefused() {
            assertRefused(
                    () -> inspector.inspect(MediaKind.OTHER, new byte[] {'h', 'i', (byte) 0xC3, '(', ' ', 'x'}),
                    422,
                    "invalid-file");
        }
    }

    @Test
    void sizesAreBoundedPerKind() {
        ValidationProperties tight = new ValidationProperties(
                DataSize.ofKilobytes(1),
                DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(1),
                40_000_000,
                256,
                90,
                1,
                Duration.ofSeconds(1));
        MediaInspector small = new MediaInspector(tight);

        assertRefused(() -> small.inspect(MediaKind.IMAGE, TestFiles.noisePng(40, 40)), 413, "too-large");
        assertRefused(() -> small.inspect(MediaKind.OTHER, new byte[0]), 400, "empty-file");
    }

    private static void assertRefused(ThrowingCallable call, int status, String slug) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(status);
            assertThat(problem.type()).hasToString("/problems/" + slug);
        });
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y + " differs: "
                            + Integer.toHexString(actual.getRGB(x, y)) + " != "
                            + Integer.toHexString(expected.getRGB(x, y)));
                }
            }
        }
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }
}
