package dev.commerce.catalog.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import dev.commerce.catalog.domain.Backoff;
import dev.commerce.catalog.domain.CatalogProblems;
import io.smallrye.mutiny.Uni;

/** Calls of the async DynamoDB client as lazy Unis (re-subscribing re-sends), failing with the SDK's own exception. */
final class Async {

    private Async() {
    }

    static <T> Uni<T> call(Supplier<CompletableFuture<T>> call) {
        return Uni.createFrom().completionStage(call)
                .onFailure(CompletionException.class).transform(e -> e.getCause() != null ? e.getCause() : e);
    }

    /**
     * Runs the write again, after a jittered back-off, while it fails for a transient reason (a conflicting
     * transaction, throttling); gives up with a retryable 503 after {@code maxAttempts}.
     */
    static <T> Uni<T> retryingTransient(Supplier<Uni<T>> write, Duration baseDelay, int maxAttempts) {
        return attempt(write, baseDelay, maxAttempts, 0);
    }

    private static <T> Uni<T> attempt(Supplier<Uni<T>> write, Duration baseDelay, int maxAttempts, int attempt) {
        return write.get().onFailure(Transactions::isTransient).recoverWithUni(e -> attempt + 1 < maxAttempts
                ? Backoff.pause(baseDelay, attempt).chain(() -> attempt(write, baseDelay, maxAttempts, attempt + 1))
                : Uni.createFrom().failure(CatalogProblems.contended()));
    }
}
