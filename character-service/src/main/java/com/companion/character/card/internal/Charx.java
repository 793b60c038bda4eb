package com.companion.character.card.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * CHARX (card spec V3): a zip with {@code card.json} at its root and assets beside it. Only
 * {@code card.json} is read; the read is bounded by entry count and by bytes actually inflated, so a
 * zip bomb stops at the limit whatever sizes its headers claim.
 */
public final class Charx {

    static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int MAX_ENTRIES = 1000;
    static final String ICON_PATH = "assets/icon/images/main.png";

    private Charx() {}

    public static boolean isZip(byte[] bytes) {
        return bytes.length >= 4
                && bytes[0] == ZIP_MAGIC[0]
                && bytes[1] == ZIP_MAGIC[1]
                && bytes[2] == ZIP_MAGIC[2]
                && bytes[3] == ZIP_MAGIC[3];
    }

    /** The bytes of {@code card.json}. */
    public static byte[] cardJson(byte[] zip, int maxCardBytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            int entries = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw InvalidCard.tooLarge("The CHARX holds more than " + MAX_ENTRIES + " files.");
                }
                if ("card.json".equals(entry.getName())) {
                    return readBounded(in, maxCardBytes);
                }
            }
        } catch (ZipException e) {
            throw InvalidCard.of("The CHARX is not a readable zip file.");
        } catch (IOException e) {
            throw InvalidCard.of("The CHARX is truncated or not a readable zip file.");
        }
        throw InvalidCard.of("The CHARX has no card.json at its root.");
    }

    /** A CHARX with the card and the icon its {@code assets} name. */
    public static byte[] write(byte[] cardJson, byte[] iconPng) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("card.json"));
            zip.write(cardJson);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(ICON_PATH));
            zip.write(iconPng);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] read = in.readNBytes(max + 1);
        if (read.length > max) {
            throw InvalidCard.tooLarge("The CHARX's card.json is larger than " + max + " bytes.");
        }
        return read;
    }
}
