package dev.commerce.media.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.ProblemException;
import dev.commerce.media.config.MediaConfig;
import dev.commerce.media.store.MediaStore;
import dev.commerce.media.store.StagedContent;

/**
 * The one way content becomes a media version, whatever route it took: its type is sniffed from the bytes, its
 * SHA-256 and size are measured, and only then is it committed. Anything refused or broken off is discarded.
 */
@ApplicationScoped
public class ContentIntake {

    private final MediaStore store;
    private final MediaConfig config;
    private final MediaMetrics metrics;

    public ContentIntake(MediaStore store, MediaConfig config, MediaMetrics metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * A body streamed through the service: checked on its way into staging, never held whole in memory.
     *
     * @param declaredType the request's Content-Type; generic or absent means "whatever the bytes are"
     */
    public MediaInfo streamIn(String kind, InputStream body, OptionalLong length, String declaredType,
            UploadDraft draft, VersionTarget target) {
        long max = config.upload().maxSize().asLongValue();
        if (length.isPresent() && length.getAsLong() > max) {
            throw refused(kind, MediaProblems.tooLarge(max));
        }
        InspectedStream in;
        try {
            in = InspectedStream.of(body, max);
        } catch (IOException e) {
            throw refused(kind, MediaProblems.interrupted());
        }
        if (in.isEmpty()) {
            throw refused(kind, MediaProblems.empty());
        }
        AllowedType type = checkType(kind, in.sniffedType(), Optional.ofNullable(declaredType));
        StagedContent staged;
        try {
            staged = store.stage(in, length, draft);
        } catch (IOException | RuntimeException e) {
            throw streamFailure(kind, in, max, e);
        }
        try {
            MediaInfo stored = store.commit(staged, target.with(type, staged.size(), in.sha256Hex()), target.newItem());
            metrics.upload(kind, "stored", stored.size());
            return stored;
        } finally {
            store.discard(staged);
        }
    }

    /**
     * Content that reached the store without passing through the service (multipart parts, a presigned PUT):
     * read back once to check it the same way.
     */
    public MediaInfo checkIn(String kind, StagedContent staged, VersionTarget target) {
        try {
            AllowedType type;
            String sha256;
            long size;
            try (InspectedStream in = InspectedStream.of(store.openStaged(staged), Long.MAX_VALUE)) {
                if (in.isEmpty()) {
                    throw refused(kind, MediaProblems.empty());
                }
                type = checkType(kind, in.sniffedType(), staged.declaredContentType());
                in.transferTo(OutputStream.nullOutputStream());
                sha256 = in.sha256Hex();
                size = in.count();
            }
            MediaInfo stored = store.commit(staged, target.with(type, size, sha256), target.newItem());
            metrics.upload(kind, "stored", size);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(staged);
        }
    }

    private AllowedType checkType(String kind, Optional<AllowedType> sniffed, Optional<String> declared) {
        if (sniffed.isEmpty()) {
            throw refused(kind, MediaProblems.unsupportedType("The content is not of an allowed type"));
        }
        Optional<String> specific = declared.map(String::strip)
                .filter(d -> !d.isEmpty() && !d.toLowerCase().startsWith("application/octet-stream"));
        if (specific.isPresent() && AllowedType.ofMimeType(specific.get()).filter(sniffed.get()::equals).isEmpty()) {
            throw refused(kind, MediaProblems.unsupportedType("Declared " + specific.get().split(";", 2)[0]
                    + " but the content is " + sniffed.get().mimeType()));
        }
        return sniffed.get();
    }

    private ProblemException streamFailure(String kind, InspectedStream in, long max, Exception e) {
        if (in.tooLarge()) {
            return refused(kind, MediaProblems.tooLarge(max));
        }
        if (in.bodyFailed()) {
            return refused(kind, MediaProblems.interrupted());
        }
        if (e instanceof ProblemException problem) {
            return refused(kind, problem);
        }
        throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
    }

    private ProblemException refused(String kind, ProblemException problem) {
        metrics.upload(kind, problem.slug(), 0);
        return problem;
    }
}
