package com.companion.character.card.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The image of an exported PNG card: a plain 256×256 square (the avatar itself lives in media-service). */
final class Placeholder {

    static final byte[] PNG = render();

    private Placeholder() {}

    private static byte[] render() {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x6d, 0x5d, 0xd3));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
