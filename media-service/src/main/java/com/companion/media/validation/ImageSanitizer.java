package com.companion.media.validation;

import com.companion.platform.web.problem.ApiProblem;
import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an untrusted image into a clean one: the size is read from the header and bounded before
 * a single pixel is decoded, then the pixels are decoded by the reader of the sniffed format only,
 * turned upright by the EXIF orientation, and written into a fresh file that carries no metadata
 * at all (no EXIF, GPS, XMP, ICC profile, comments or trailing bytes), with a thumbnail.
 */
final class ImageSanitizer {

    private static final Logger log = LoggerFactory.getLogger(ImageSanitizer.class);

    private final ValidationProperties properties;
    private final Semaphore decodes;

    ImageSanitizer(ValidationProperties properties) {
        this.properties = properties;
        this.decodes = new Semaphore(properties.maxConcurrentDecodes(), true);
        // Registers plugins on the classpath (WebP) even when ImageIO was first touched elsewhere.
        ImageIO.scanForPlugins();
    }

    record Clean(byte[] content, int width, int height, byte[] thumbnail) {}

    Clean sanitize(Format source, byte[] bytes, byte @Nullable [] exif) {
        Format target = source.storedAs();
        acquireDecodeSlot();
        try {
            BufferedImage decoded = decode(source, bytes);
            BufferedImage upright = redraw(decoded, orientation(exif), target == Format.PNG && hasAlpha(decoded));
            BufferedImage thumbnail = thumbnail(upright, properties.thumbnailSize());
            return new Clean(
                    encode(upright, target), upright.getWidth(), upright.getHeight(), encode(thumbnail, target));
        } finally {
            decodes.release();
        }
    }

    private void acquireDecodeSlot() {
        try {
            if (!decodes.tryAcquire(properties.decodeWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw Rejections.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Rejections.busy();
        }
    }

    private BufferedImage decode(Format source, byte[] bytes) {
        ImageReader reader = reader(source);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw Rejections.invalid(source);
            }
            if (width * height > properties.maxPixels()) {
                throw Rejections.tooManyPixels(width, height, properties.maxPixels());
            }
            BufferedImage image = reader.read(0, reader.getDefaultReadParam());
            if (image.getWidth() != width || image.getHeight() != height) {
                throw Rejections.invalid(source);
            }
            return image;
        } catch (ApiProblem problem) {
            throw problem;
        } catch (IOException | RuntimeException e) {
            // Decoders report hostile input with any exception; none of it reaches the client.
            log.debug("could not decode {}", source, e);
            throw Rejections.invalid(source);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(Format source) {
        String name = switch (source) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            case GIF -> "gif";
            case WEBP -> "webp";
            default -> throw new IllegalArgumentException(source + " is not an image");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + name);
        }
        return readers.next();
    }

    /** The EXIF orientation (1..8), 1 when there is none or it cannot be read. */
    static int orientation(byte @Nullable [] exif) {
        if (exif == null) {
            return 1;
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(exif))) {
            Directory directory = new TIFFReader().read(in);
            Directory ifd0 = directory instanceof CompoundDirectory compound && compound.directoryCount() > 0
                    ? compound.getDirectory(0)
                    : directory;
            Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number value) {
                int orientation = value.intValue();
                return orientation >= 1 && orientation <= 8 ? orientation : 1;
            }
            return 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /**
     * Draws the pixels into a new image of a plain type (sRGB, 8 bits per channel), applying the
     * EXIF orientation; nothing of the source but its pixels survives.
     */
    private static BufferedImage redraw(BufferedImage source, int orientation, boolean alpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swaps = orientation >= 5;
        BufferedImage target = new BufferedImage(
                swaps ? h : w, swaps ? w : h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        Graphics2D g = target.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static boolean hasAlpha(BufferedImage image) {
        return image.getColorModel().hasAlpha();
    }

    /** Scaled so its longer side is at most {@code maxSide}, halving step by step for quality. */
    static BufferedImage thumbnail(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        BufferedImage current = image;
        do {
            int nextW = Math.max(targetW, current.getWidth() / 2);
            int nextH = Math.max(targetH, current.getHeight() / 2);
            current = scale(current, nextW, nextH);
        } while (current.getWidth() != targetW || current.getHeight() != targetH);
        return current;
    }

    private static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, image.getType());
        Graphics2D g = scaled.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private byte[] encode(BufferedImage image, Format format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format == Format.JPEG ? "jpeg" : "png")
                .next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == Format.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(properties.jpegQuality() / 100f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
