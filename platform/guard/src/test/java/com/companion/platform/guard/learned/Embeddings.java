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
    /** Bump when the windows or features change. */
    private static final String FORMAT = SentenceEmbedder.MODEL_ID + " features=" + SentenceEmbedder.DIMENSIONS
            + " window=" + SentenceEmbedder.WINDOW_TOKENS + " v4";

    private static final Map<Key, List<SentenceEmbedder.Window>> MEMORY = new ConcurrentHashMap<>();
    private static boolean loaded;

    private record Key(boolean normalized, String text) {}

    private Embeddings() {}

    /** The window embeddings of each text, in order. */
    static synchronized List<List<SentenceEmbedder.Window>> of(List<String> texts, boolean normalized) {
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
        List<List<SentenceEmbedder.Window>> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(MEMORY.get(new Key(normalized, text)));
        }
        return out;
    }

    /** The mean of a text's window features: the training example for a text. */
    static float[] pooled(List<SentenceEmbedder.Window> windows) {
        return mean(windows.stream().map(SentenceEmbedder.Window::features).toList());
    }

    static float[] mean(List<float[]> vectors) {
        if (vectors.size() == 1) {
            return vectors.getFirst();
        }
        float[] out = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < out.length; i++) {
                out[i] += v[i] / vectors.size();
            }
        }
        return out;
    }

    private static void readFile() {
        if (!Files.isRegularFile(FILE)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(FILE)))) {
            if (!in.readUTF().equals(FORMAT)) {
                return;
            }
            int count = in.readInt();
            for (int n = 0; n < count; n++) {
                boolean normalized = in.readBoolean();
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                int windows = in.readInt();
                List<SentenceEmbedder.Window> embeddings = new ArrayList<>(windows);
                for (int w = 0; w < windows; w++) {
                    long[] ids = new long[in.readInt()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = in.readInt();
                    }
                    float[] e = new float[SentenceEmbedder.DIMENSIONS];
                    for (int i = 0; i < e.length; i++) {
                        e[i] = in.readFloat();
                    }
                    embeddings.add(new SentenceEmbedder.Window(ids, e));
                }
                MEMORY.put(new Key(normalized, new String(text, StandardCharsets.UTF_8)), List.copyOf(embeddings));
            }
        } catch (IOException | RuntimeException e) {
            MEMORY.clear();
        }
    }

    private static void writeFile(Collection<Map.Entry<Key, List<SentenceEmbedder.Window>>> entries) {
        try {
            Files.createDirectories(FILE.getParent());
            Path tmp = Files.createTempFile(FILE.getParent(), "guard-embeddings", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeUTF(FORMAT);
                List<Map.Entry<Key, List<SentenceEmbedder.Window>>> all = List.copyOf(entries);
                out.writeInt(all.size());
                for (Map.Entry<Key, List<SentenceEmbedder.Window>> entry : all) {
                    out.writeBoolean(entry.getKey().normalized());
                    byte[] text = entry.getKey().text().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                    out.writeInt(entry.getValue().size());
                    for (SentenceEmbedder.Window window : entry.getValue()) {
                        out.writeInt(window.ids().length);
                        for (long id : window.ids()) {
                            out.writeInt((int) id);
                        }
                        for (float v : window.features()) {
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
