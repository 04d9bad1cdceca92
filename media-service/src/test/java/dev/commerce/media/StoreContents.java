package dev.commerce.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import software.amazon.awssdk.services.s3.S3Client;

/** What the stores behind the API hold, to check what an API call left there. */
public final class StoreContents {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String OWNER = "[0-9a-f]{32}";
    private static final Pattern S3_KEYS = Pattern.compile("media/" + UUID + "|owners/" + OWNER + "/" + UUID
            + "|(staging/|uploads/" + OWNER + "/|presigned/" + OWNER + "/)" + UUID);
    /**
     * s3proxy writes each PUT to a temporary blob named {@code <key>-<random uuid>} and renames it when the body is
     * complete; a PUT whose connection drops leaves that blob behind in s3proxy (S3 itself keeps nothing). Such
     * blobs next to a service key are the emulator's, not the service's.
     */
    private static final Pattern S3PROXY_TEMP = Pattern.compile("(" + S3_KEYS.pattern() + ")-" + UUID);
    private static final Pattern EFS_PATHS = Pattern.compile("media/" + UUID + "/" + UUID + "/(data|meta\\.json)"
            + "|owners/" + OWNER + "/" + UUID + "|uploads/" + OWNER + "/" + UUID + "/(upload\\.json|part-\\d{5}-[0-9a-f]{32})"
            + "|staging/" + UUID + "|tmp/.*");

    private StoreContents() {
    }

    /** Staging objects and unfinished direct-upload parts in the bucket (in-progress multipart uploads are not). */
    public static List<String> s3Leftovers(S3Client s3, String bucket) {
        List<String> found = new ArrayList<>();
        for (String prefix : List.of("staging/", "presigned/", "uploads/")) {
            s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix)).forEach(page -> {
                page.versions().stream().filter(v -> !S3PROXY_TEMP.matcher(v.key()).matches())
                        .forEach(v -> found.add(v.key() + "@" + v.versionId()));
                page.deleteMarkers().forEach(m -> found.add(m.key() + "@" + m.versionId() + " (marker)"));
            });
        }
        s3.listMultipartUploads(b -> b.bucket(bucket).prefix("staging/")).uploads()
                .forEach(u -> found.add(u.key() + " (multipart upload)"));
        return found;
    }

    /** Keys of the service's prefixes that do not follow its key scheme. */
    public static List<String> s3KeysOffScheme(S3Client s3, String bucket) {
        List<String> off = new ArrayList<>();
        for (String prefix : List.of("media/", "owners/", "staging/", "uploads/", "presigned/")) {
            s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix)).forEach(page -> {
                page.versions().stream().map(v -> v.key())
                        .filter(k -> !S3_KEYS.matcher(k).matches() && !S3PROXY_TEMP.matcher(k).matches())
                        .forEach(off::add);
                page.deleteMarkers().stream().map(m -> m.key()).filter(k -> !S3_KEYS.matcher(k).matches()).forEach(off::add);
            });
        }
        s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(o -> o.key())
                .filter(k -> k.contains("..") || k.contains("passwd")).forEach(off::add);
        return off;
    }

    /** Files in staging/ and tmp/ of the EFS root. */
    public static List<String> efsLeftovers(Path root) {
        List<String> found = new ArrayList<>();
        for (String area : List.of("staging", "tmp")) {
            Path dir = root.resolve(area);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).forEach(found::add);
                }  catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return found;
    }

    /** Files of the service's areas that do not follow its layout, and anything named after client input. */
    public static List<String> efsPathsOffScheme(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> p.matches("(media|owners|uploads|staging|tmp)/.*") ? !EFS_PATHS.matcher(p).matches()
                            : p.contains("passwd") || p.contains(".."))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
