package dev.commerce.media.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.media.config.MediaConfig;

/**
 * The memory that bodies of unknown length may use on their way to S3: a fixed number of part-sized buffers,
 * made on first use and reused. It bounds the heap such uploads take, however many arrive at once.
 */
@ApplicationScoped
public class PartBuffers {

    private final int size;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();

    public PartBuffers(MediaConfig config) {
        this.size = Math.toIntExact(config.s3().partSize().asLongValue());
        this.permits = new Semaphore(config.s3().uploadBuffers());
    }

    /** A buffer for the caller's exclusive use, or empty when all are taken. Give it back with {@link #release}. */
    public Optional<byte[]> tryAcquire() {
        if (!permits.tryAcquire()) {
            return Optional.empty();
        }
        byte[] buffer = free.poll();
        return Optional.of(buffer != null ? buffer : new byte[size]);
    }

    public void release(byte[] buffer) {
        free.offer(buffer);
        permits.release();
    }
}
