package com.companion.media.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Files built in code: honest ones, and the hostile ones an upload endpoint must refuse. */
public final class TestFiles {

    private TestFiles() {}

    /** A picture with distinct pixels everywhere, so a lossless round trip can be compared exactly. */
    public static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = alpha ? 55 + (x * 200 / width) : 255;
                image.setRGB(x, y, (a << 24) | ((x * 7) & 0xFF) << 16 | ((y * 13) & 0xFF) << 8 | ((x + y) & 0xFF));
            }
        }
        return image;
    }

    /** Blocks of colour: compresses well and survives JPEG's loss recognisably. */
    public static BufferedImage blocks(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(Color.WHITE);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    /** Random pixels: a PNG of them barely compresses, for size limits. */
    public static byte[] noisePng(int width, int height) {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return encode(image, "png");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] gif(BufferedImage image) {
        return encode(image, "gif");
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG whose EXIF block records the given orientation and a GPS position. */
    public static byte[] jpegWithGps(BufferedImage image, int orientation) {
        byte[] jpeg = jpeg(image);
        byte[] tiff = Exif.withOrientationAndGps(orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        int app0Length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
        out.write(jpeg, 2, 2 + app0Length); // the JFIF APP0 stays first
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, 4 + app0Length, jpeg.length - 4 - app0Length);
        return out.toByteArray();
    }

    /** A small, valid PNG whose header claims {@code width x height} pixels. */
    public static byte[] pixelBombPng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] idat = new byte[4096];
        int n = deflater.deflate(idat);
        chunk(out, "IDAT", Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A PNG carrying a tEXt chunk (keyword, then text) before its pixels. */
    public static byte[] pngWithText(BufferedImage image, String keyword, String text) {
        byte[] png = png(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 8 + 25); // signature and IHDR
        chunk(out, "tEXt", (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1));
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    public static byte[] zip(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static final String SVG_WITH_SCRIPT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
              <script type="text/javascript">fetch('/auth/me').then(r => r.text()).then(alert)</script>
              <rect width="10" height="10" fill="red"/>
            </svg>
            """;

    /** 1x1 lossless WebP (VP8L), one transparent pixel. */
    public static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /** Half a second of 8 kHz mono silence as WAV. */
    public static byte[] wav() {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[8000]), format, 4000)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An ID3v2 tag followed by MPEG-1 layer III frame headers; {@code tagText} goes in a TIT2 frame. */
    public static byte[] mp3(String tagText) {
        byte[] title = ("\0" + tagText).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer frame = ByteBuffer.allocate(10 + title.length).order(ByteOrder.BIG_ENDIAN);
        frame.put("TIT2".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(title.length)
                .putShort((short) 0)
                .put(title);
        byte[] frames = frame.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("ID3".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {3, 0, 0});
        int size = frames.length;
        out.writeBytes(new byte[] {
            (byte) ((size >> 21) & 0x7F),
            (byte) ((size >> 14) & 0x7F),
            (byte) ((size >> 7) & 0x7F),
            (byte) (size & 0x7F)
        });
        out.writeBytes(frames);
        for (int i = 0; i < 8; i++) {
            byte[] mpeg = new byte[417];
            mpeg[0] = (byte) 0xFF;
            mpeg[1] = (byte) 0xFB;
            mpeg[2] = (byte) 0x90;
            mpeg[3] = 0x64;
            out.writeBytes(mpeg);
        }
        return out.toByteArray();
    }

    public static byte[] pdf(String body) {
        return text("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + body + " >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
