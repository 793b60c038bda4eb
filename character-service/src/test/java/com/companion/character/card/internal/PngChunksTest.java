package com.companion.character.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.character.support.CardFiles;
import com.companion.platform.web.problem.ApiProblem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PngChunksTest {

    @Test
    void textsWrittenBeforeIendAreReadBackAndOldCardChunksAreReplaced() {
        byte[] withOld = CardFiles.pngWithCards("chara", "{\"old\":true}", "Comment", "{}");

        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("chara", "djI=");
        texts.put("ccv3", "djM=");
        byte[] written = PngChunks.withTexts(withOld, texts);

        assertThat(PngChunks.texts(written, 1024))
                .containsEntry("chara", "djI=")
                .containsEntry("ccv3", "djM=")
                .containsKey("Comment");
        List<String> types = chunkTypes(written);
        assertThat(types.getLast()).isEqualTo("IEND");
        assertThat(types.subList(types.size() - 3, types.size() - 1)).containsExactly("tEXt", "tEXt");
        assertThat(types.stream().filter("tEXt"::equals).count())
                .as("old chara gone, Comment kept")
                .isEqualTo(3);
        assertThat(types.getFirst()).isEqualTo("IHDR");
    }

    @Test
    void otherChunksSuchAsAnimationOnesAreCopiedUnchanged() {
        byte[] png = CardFiles.image();
        byte[] actl = PngChunks.chunk("acTL", new byte[] {0, 0, 0, 1, 0, 0, 0, 0});
        byte[] apng = new byte[png.length + actl.length];
        int afterHeader = 8 + 25;
        System.arraycopy(png, 0, apng, 0, afterHeader);
        System.arraycopy(actl, 0, apng, afterHeader, actl.length);
        System.arraycopy(png, afterHeader, apng, afterHeader + actl.length, png.length - afterHeader);

        byte[] written = PngChunks.withTexts(apng, Map.of("ccv3", "e30="));

        assertThat(chunkTypes(written)).containsSubsequence("IHDR", "acTL", "IDAT", "tEXt", "IEND");
        assertThat(Arrays.copyOf(written, apng.length - 12)).isEqualTo(Arrays.copyOf(apng, apng.length - 12));
    }

    @Test
    void aCorruptChunkATruncatedFileAnOversizedChunkAndANonPngAreRefused() {
        byte[] png = CardFiles.pngWithCards("chara", "{\"name\":\"x\"}");
        byte[] corrupt = png.clone();
        corrupt[png.length - 20] ^= 0x01;

        assertThatThrownBy(() -> PngChunks.texts(corrupt, 1024))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("CRC");
        assertThatThrownBy(() -> PngChunks.texts(Arrays.copyOf(png, png.length - 5), 1024))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> PngChunks.texts(Arrays.copyOf(png, 8), 1024))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> PngChunks.texts(png, 4))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("larger than 4 bytes")
                .satisfies(e -> assertThat(((ApiProblem) e).toProblemDetail().getStatus())
                        .isEqualTo(413));
        assertThatThrownBy(() -> PngChunks.texts("GIF89a....".getBytes(StandardCharsets.US_ASCII), 1024))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("not a PNG");
    }

    @Test
    void aLengthFieldPastTheEndOfTheFileIsTruncationNotAnOverflow() {
        byte[] png = CardFiles.image();
        byte[] lying = png.clone();
        ByteBuffer.wrap(lying, 8, 4).putInt(0x7fffffff);

        assertThatThrownBy(() -> PngChunks.texts(lying, Integer.MAX_VALUE))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("truncated");
    }

    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int pos = 8;
        while (pos + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            types.add(new String(png, pos + 4, 4, StandardCharsets.US_ASCII));
            pos += 12 + length;
        }
        return types;
    }
}
