package dev.commerce.backends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

/**
 * Engines started together and stopped together: the one engine lifecycle of this project, used by the
 * {@code local-backends} extension, the local stack and engines made of several processes (a Redis cluster).
 * Engines start in parallel; if one fails, the ones that did start are closed again and the failure is thrown.
 * Stop and close go in reverse order and never throw: a failure to stop one engine is logged and the others are
 * still stopped. Whatever this group does not get to stop ends with the process that owns it (see {@link WorkDir}).
 */
public final class EngineGroup implements Engine {

    private static final Logger LOG = Logger.getLogger(EngineGroup.class);

    private final List<Engine> engines;

    public EngineGroup(List<? extends Engine> engines) {
        this.engines = List.copyOf(engines);
    }

    @Override
    public void start() {
        start((engine, took) -> {
        });
    }

    /** Starts every engine at once and returns when all are ready, telling {@code ready} about each as it is. */
    public void start(BiConsumer<Engine, Duration> ready) {
        List<Future<?>> starts = new ArrayList<>();
        // A platform thread each: starting is mostly waiting (in synchronized methods) for a child process, and the
        // common pool may have a single thread.
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("engine-start-", 0).daemon().factory())) {
            for (Engine engine : engines) {
                starts.add(threads.submit(() -> {
                    long begin = System.nanoTime();
                    engine.start();
                    ready.accept(engine, Duration.ofNanos(System.nanoTime() - begin));
                }));
            }
        }
        RuntimeException failure = null;
        for (Future<?> start : starts) {
            try {
                start.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("Interrupted while engines started", e);
            }
        }
        if (failure != null) {
            close();
            throw failure;
        }
    }

    @Override
    public void stop() {
        eachInReverse(Engine::stop, "stop");
    }

    @Override
    public boolean isRunning() {
        return engines.stream().allMatch(Engine::isRunning);
    }

    /** Stops every engine and removes its data. */
    @Override
    public void close() {
        eachInReverse(Engine::close, "close");
    }

    public List<Engine> engines() {
        return engines;
    }

    @Override
    public String describe() {
        return engines.stream().map(Engine::describe).collect(Collectors.joining(", "));
    }

    private void eachInReverse(Consumer<Engine> action, String verb) {
        for (Engine engine : engines.reversed()) {
            try {
                action.accept(engine);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not %s %s", verb, engine.describe());
            }
        }
    }
}
