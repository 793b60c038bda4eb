package com.companion.character.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Card files built the way other tools write them, independently of the service's own writer: a real
 * PNG from ImageIO with tEXt chunks spliced in before IEND by hand, and CHARX zips.
 */
public final class CardFiles {

    public static byte[] fixture(String name) {
        try (InputStream in = CardFiles.class.getResourceAsStream("/cards/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] image() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(3, 3, 0xffff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG with one tEXt chunk per keyword/text pair, the text base64 of the given JSON. */
    public static byte[] pngWithCards(String... keywordsAndJson) {
        byte[] png = image();
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        for (int i = 0; i < keywordsAndJson.length; i += 2) {
            String text = Base64.getEncoder().encodeToString(keywordsAndJson[i + 1].getBytes(StandardCharsets.UTF_8));
            out.writeBytes(textChunk(keywordsAndJson[i], text));
        }
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    public static byte[] textChunk(String keyword, String text) {
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(type)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    public static byte[] charx(byte[] cardJson) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("assets/icon/images/main.png"));
            zip.write(image());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("card.json"));
            zip.write(cardJson);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private CardFiles() {}
}
