package com.companion.auth.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/** Runs calls on separate threads released at the same instant, and collects their answers in order. */
public final class Concurrently {

    public static <T> List<T> run(int count, IntFunction<T> call) {
        CyclicBarrier start = new CyclicBarrier(count);
        List<CompletableFuture<T>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                results.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return call.apply(index);
                        },
                        pool));
            }
            return results.stream().map(CompletableFuture::join).toList();
        }
    }

    private Concurrently() {}
}
