package com.companion.platform.guard.learned;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The window embeddings of labelled texts, computed once per test JVM and kept in {@code target/} between runs (keyed
 * by the model id and the exact text), so that training, cross-validation and the weights check share one pass over
 * the corpus. The file is a build cache: deleting it costs one embedding pass.
 */
final class Embeddings {

    private static final Path FILE = Path.of("target", "guard-embeddings.bin");
    private static final Map<Key, List<float[]>> MEMORY = new ConcurrentHashMap<>();
    private static boolean loaded;

    private record Key(boolean normalized, String text) {}

    private Embeddings() {}

    /** The window embeddings of each text, in order. */
    static synchronized List<List<float[]>> of(List<String> texts, boolean normalized) {
        if (!loaded) {
            readFile();
            loaded = true;
        }
        List<Key> missing = texts.stream()
                .map(t -> new Key(normalized, t))
                .distinct()
                .filter(k -> !MEMORY.containsKey(k))
                .toList();
        if (!missing.isEmpty()) {
            SentenceEmbedder embedder = SentenceEmbedder.shared();
            missing.parallelStream().forEach(k -> MEMORY.put(k, embedder.embed(k.text(), k.normalized())));
            writeFile(MEMORY.entrySet());
        }
        List<List<float[]>> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(MEMORY.get(new Key(normalized, text)));
        }
        return out;
    }

    /** The mean of a text's windows, at unit length: the training example for a text. */
    static float[] pooled(List<float[]> windows) {
        if (windows.size() == 1) {
            return windows.getFirst();
        }
        double[] sum = new double[SentenceEmbedder.DIMENSIONS];
        for (float[] w : windows) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += w[i];
            }
        }
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) (norm == 0 ? 0 : sum[i] / norm);
        }
        return out;
    }

    private static void readFile() {
        if (!Files.isRegularFile(FILE)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(FILE)))) {
            if (!in.readUTF().equals(SentenceEmbedder.MODEL_ID)) {
                return;
            }
            int count = in.readInt();
            for (int n = 0; n < count; n++) {
                boolean normalized = in.readBoolean();
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                int windows = in.readInt();
                List<float[]> embeddings = new ArrayList<>(windows);
                for (int w = 0; w < windows; w++) {
                    float[] e = new float[SentenceEmbedder.DIMENSIONS];
                    for (int i = 0; i < e.length; i++) {
                        e[i] = in.readFloat();
                    }
                    embeddings.add(e);
                }
                MEMORY.put(new Key(normalized, new String(text, StandardCharsets.UTF_8)), List.copyOf(embeddings));
            }
        } catch (IOException | RuntimeException e) {
            MEMORY.clear();
        }
    }

    private static void writeFile(Collection<Map.Entry<Key, List<float[]>>> entries) {
        try {
            Files.createDirectories(FILE.getParent());
            Path tmp = Files.createTempFile(FILE.getParent(), "guard-embeddings", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeUTF(SentenceEmbedder.MODEL_ID);
                List<Map.Entry<Key, List<float[]>>> all = List.copyOf(entries);
                out.writeInt(all.size());
                for (Map.Entry<Key, List<float[]>> entry : all) {
                    out.writeBoolean(entry.getKey().normalized());
                    byte[] text = entry.getKey().text().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                    out.writeInt(entry.getValue().size());
                    for (float[] e : entry.getValue()) {
                        for (float v : e) {
                            out.writeFloat(v);
                        }
                    }
                }
            }
            Files.move(tmp, FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // only a cache
        }
    }
}
