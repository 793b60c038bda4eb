package com.companion.media.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The container structure of an image file, walked without decoding anything: where the image
 * ends (anything after it is a payload riding along), which segments carry free-form metadata
 * (text chunks, comments, XMP, EXIF) and, for JPEG, the EXIF block. A structure that does not
 * hold together throws {@link Malformed}.
 *
 * @param end offset just past the format's end marker (PNG IEND, JPEG EOI, GIF trailer, RIFF size)
 * @param metadata the metadata segments, as {offset, length}
 * @param exif the TIFF structure of a JPEG's EXIF block
 */
record ImageLayout(int end, List<int[]> metadata, byte @Nullable [] exif) {

    static ImageLayout of(Format format, byte[] bytes) throws Malformed {
        return switch (format) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case GIF -> gif(bytes);
            case WEBP -> webp(bytes);
            default -> throw new IllegalArgumentException(format + " is not an image");
        };
    }

    /** Bytes after the end marker, other than zero padding. */
    boolean hasTrailingData(byte[] bytes) {
        for (int i = end; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static ImageLayout png(byte[] b) throws Malformed {
        if (b.length < 8 || !Arrays.equals(b, 0, 8, PNG_SIGNATURE, 0, 8)) {
            throw new Malformed("no PNG signature");
        }
        List<int[]> metadata = new ArrayList<>();
        int pos = 8;
        boolean first = true;
        while (true) {
            require(b, pos, 8);
            long length = u32be(b, pos);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > b.length - pos - 12L) {
                throw new Malformed("PNG chunk " + type + " runs past the end");
            }
            if (first && !type.equals("IHDR")) {
                throw new Malformed("PNG does not start with IHDR");
            }
            first = false;
            int data = pos + 8;
            switch (type) {
                case "tEXt", "iTXt", "eXIf" -> metadata.add(new int[] {data, (int) length});
                case "IEND" -> {
                    return new ImageLayout(pos + 12 + (int) length, metadata, null);
                }
                default -> {
                    // pixel data and ancillary chunks the re-encoding drops
                }
            }
            pos = data + (int) length + 4;
        }
    }

    private static ImageLayout jpeg(byte[] b) throws Malformed {
        if (b.length < 4 || u8(b, 0) != 0xFF || u8(b, 1) != 0xD8) {
            throw new Malformed("no JPEG SOI");
        }
        List<int[]> metadata = new ArrayList<>();
        byte[] exif = null;
        int scans = 0;
        int pos = 2;
        while (true) {
            require(b, pos, 2);
            if (u8(b, pos) != 0xFF) {
                throw new Malformed("JPEG marker expected");
            }
            while (pos + 1 < b.length && u8(b, pos + 1) == 0xFF) {
                pos++; // fill bytes
            }
            require(b, pos, 2);
            int marker = u8(b, pos + 1);
            if (marker == 0xD9) {
                return new ImageLayout(pos + 2, metadata, exif);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (marker == 0xD8 || marker == 0x00) {
                throw new Malformed("unexpected JPEG marker");
            }
            require(b, pos + 2, 2);
            int length = u16be(b, pos + 2);
            if (length < 2) {
                throw new Malformed("JPEG segment too short");
            }
            require(b, pos + 2, length);
            int data = pos + 4;
            int dataLength = length - 2;
            if ((marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE) {
                metadata.add(new int[] {data, dataLength});
                if (marker == 0xE1 && exif == null && startsWith(b, data, dataLength, EXIF_ID)) {
                    exif = Arrays.copyOfRange(b, data + EXIF_ID.length, data + dataLength);
                }
            }
            pos = pos + 2 + length;
            if (marker == 0xDA) {
                if (++scans > MAX_JPEG_SCANS) {
                    throw new Malformed("too many JPEG scans");
                }
                pos = skipEntropyCoded(b, pos);
            }
        }
    }

    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};

    /**
     * Progressive JPEGs use about ten scans; each scan makes the decoder pass over every pixel
     * again, so thousands of tiny scans are a CPU bomb that the pixel limit does not catch.
     */
    private static final int MAX_JPEG_SCANS = 100;

    /** Past the entropy-coded data after SOS: to the next marker that is not a stuffed byte or RST. */
    private static int skipEntropyCoded(byte[] b, int pos) throws Malformed {
        for (int i = pos; i + 1 < b.length; i++) {
            if (u8(b, i) == 0xFF) {
                int next = u8(b, i + 1);
                if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                    return i;
                }
            }
        }
        throw new Malformed("JPEG ends inside scan data");
    }

    private static ImageLayout gif(byte[] b) throws Malformed {
        require(b, 0, 13);
        String signature = new String(b, 0, 6, StandardCharsets.ISO_8859_1);
        if (!signature.equals("GIF87a") && !signature.equals("GIF89a")) {
            throw new Malformed("no GIF signature");
        }
        int packed = u8(b, 10);
        int pos = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
        List<int[]> metadata = new ArrayList<>();
        while (true) {
            require(b, pos, 1);
            int introducer = u8(b, pos);
            switch (introducer) {
                case 0x3B -> {
                    return new ImageLayout(pos + 1, metadata, null);
                }
                case 0x21 -> {
                    require(b, pos, 2);
                    int label = u8(b, pos + 1);
                    boolean free = label == 0xFE || label == 0x01 || label == 0xFF;
                    pos = subBlocks(b, pos + 2, free ? metadata : null);
                }
                case 0x2C -> {
                    require(b, pos, 10);
                    int imagePacked = u8(b, pos + 9);
                    pos += 10 + ((imagePacked & 0x80) != 0 ? 3 * (1 << ((imagePacked & 0x07) + 1)) : 0);
                    require(b, pos, 1);
                    pos = subBlocks(b, pos + 1, null);
                }
                default -> throw new Malformed("unknown GIF block");
            }
        }
    }

    private static int subBlocks(byte[] b, int pos, @Nullable List<int[]> collect) throws Malformed {
        while (true) {
            require(b, pos, 1);
            int size = u8(b, pos);
            if (size == 0) {
                return pos + 1;
            }
            require(b, pos + 1, size);
            if (collect != null) {
                collect.add(new int[] {pos + 1, size});
            }
            pos += 1 + size;
        }
    }

    private static ImageLayout webp(byte[] b) throws Malformed {
        require(b, 0, 12);
        if (!ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
            throw new Malformed("no RIFF/WEBP header");
        }
        long riffEnd = 8 + u32le(b, 4);
        if (riffEnd > b.length) {
            throw new Malformed("RIFF size runs past the end");
        }
        List<int[]> metadata = new ArrayList<>();
        int pos = 12;
        while (pos < riffEnd) {
            require(b, pos, 8);
            long size = u32le(b, pos + 4);
            if (size > riffEnd - pos - 8) {
                throw new Malformed("WebP chunk runs past the RIFF end");
            }
            if (ascii(b, pos, "EXIF") || ascii(b, pos, "XMP ")) {
                metadata.add(new int[] {pos + 8, (int) size});
            }
            pos += 8 + (int) size + (int) (size & 1);
        }
        if (pos != riffEnd) {
            throw new Malformed("WebP chunks do not end at the RIFF end");
        }
        return new ImageLayout((int) riffEnd, metadata, null);
    }

    private static void require(byte[] b, int pos, int count) throws Malformed {
        if (pos < 0 || count < 0 || pos > b.length - count) {
            throw new Malformed("truncated");
        }
    }

    private static boolean startsWith(byte[] b, int pos, int length, byte[] prefix) {
        return length >= prefix.length && Arrays.equals(b, pos, pos + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean ascii(byte[] b, int pos, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (b[pos + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int pos) {
        return b[pos] & 0xFF;
    }

    private static int u16be(byte[] b, int pos) {
        return (u8(b, pos) << 8) | u8(b, pos + 1);
    }

    private static long u32be(byte[] b, int pos) {
        return ((long) u8(b, pos) << 24)
                | ((long) u8(b, pos + 1) << 16)
                | ((long) u8(b, pos + 2) << 8)
                | u8(b, pos + 3);
    }

    private static long u32le(byte[] b, int pos) {
        return ((long) u8(b, pos + 3) << 24)
                | ((long) u8(b, pos + 2) << 16)
                | ((long) u8(b, pos + 1) << 8)
                | u8(b, pos);
    }
}
