package com.companion.media.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A little-endian TIFF structure as found in a JPEG's EXIF block. */
public final class Exif {

    /** The latitude written into the GPS IFD: 51 deg 30 min 12.34 sec, an unmistakable byte pattern. */
    public static final int[][] LATITUDE = {{51, 1}, {30, 1}, {1234, 100}};

    private Exif() {}

    /** IFD0 with Orientation and a pointer to a GPS IFD holding GPSLatitudeRef and GPSLatitude. */
    public static byte[] withOrientationAndGps(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        b.put("II".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries
        b.putShort((short) 2);
        b.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        b.putInt(0);
        // GPS IFD at 38
        b.putShort((short) 2);
        b.putShort((short) 0x0001)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        b.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        b.putInt(0);
        // GPSLatitude rationals at 68
        for (int[] rational : LATITUDE) {
            b.putInt(rational[0]).putInt(rational[1]);
        }
        return b.array();
    }

    /** The GPSLatitude rationals as they sit in the file, to prove they are gone. */
    public static byte[] latitudeBytes() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] rational : LATITUDE) {
            b.putInt(rational[0]).putInt(rational[1]);
        }
        return b.array();
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
