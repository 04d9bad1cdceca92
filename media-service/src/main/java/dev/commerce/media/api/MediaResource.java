package dev.commerce.media.api;

import java.io.InputStream;
import java.net.URI;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import dev.commerce.common.auth.Roles;
import dev.commerce.common.paging.Page;
import dev.commerce.common.paging.PageLimit;
import dev.commerce.media.domain.ByteRange;
import dev.commerce.media.domain.FileNames;
import dev.commerce.media.domain.MediaInfo;
import dev.commerce.media.domain.MediaLibrary;
import dev.commerce.media.domain.MediaMetrics;
import dev.commerce.media.domain.MediaProblems;
import dev.commerce.media.domain.StorageClassOption;
import dev.commerce.media.domain.UploadDraft;
import dev.commerce.media.domain.VersionInfo;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Media items: streamed upload and download, metadata, versions, presigned download URLs. Every method runs on a
 * virtual thread, so the blocking store calls and body streams never touch the event loop.
 */
@Path("/media")
@RunOnVirtualThread
public class MediaResource {

    static final String VERSION_ID_PATTERN = "[A-Za-z0-9._-]{1,128}";
    private static final String VERSION_HEADER = "X-Media-Version";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final MediaLibrary library;
    private final CurrentCaller caller;
    private final MediaMetrics metrics;

    public MediaResource(MediaLibrary library, CurrentCaller caller, MediaMetrics metrics) {
        this.library = library;
        this.caller = caller;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Response upload(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @QueryParam("filename") @Size(max = 1024) String filename,
            @QueryParam("storageClass") @Size(max = 32) String storageClass,
            @QueryParam("public") boolean isPublic) {
        UploadDraft draft = new UploadDraft(FileNames.sanitize(filename),
                StorageClassOption.parse("storageClass", storageClass), isPublic);
        MediaInfo media = library.upload(caller.get(), body, length(contentLength), contentType, draft);
        return Response.created(URI.create("/media/" + media.id())).tag(etag(media)).entity(MediaView.of(media)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Page<MediaView> list(@QueryParam("owner") @Size(min = 1, max = 255) String owner,
            @QueryParam("cursor") @Size(max = 2048) String cursor,
            @QueryParam("limit") String limit) {
        Page<MediaInfo> page = library.list(caller.get(), owner, cursor, PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return new Page<>(page.items().stream().map(MediaView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN, Roles.SERVICE })
    public Response download(@PathParam("id") String id,
            @QueryParam("versionId") @Pattern(regexp = VERSION_ID_PATTERN) String versionId,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange, @Context Request request) {
        MediaInfo media = library.readable(caller.get(), mediaId(id), Optional.ofNullable(versionId));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag(media));
        if (notModified != null) {
            metrics.download("not-modified");
            return withRepresentationHeaders(notModified, media).build();
        }
        ByteRange.Request wanted = ifRange == null || ifRange.strip().equals(media.etag())
                ? ByteRange.parse(range, media.size()) : new ByteRange.Whole();
        return switch (wanted) {
            case ByteRange.Whole whole -> {
                metrics.download("full");
                yield body(Response.ok(), media, null).build();
            }
            case ByteRange.Partial partial -> {
                metrics.download("partial");
                yield body(Response.status(Response.Status.PARTIAL_CONTENT), media, partial.range())
                        .header("Content-Range", partial.range().contentRange(media.size())).build();
            }
            case ByteRange.Unsatisfiable unsatisfiable -> throw MediaProblems.rangeNotSatisfiable(media.size());
        };
    }

    /** Existence and headers without the body (catalog-service checks a media id before attaching it). */
    @HEAD
    @Path("{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN, Roles.SERVICE })
    public Response head(@PathParam("id") String id) {
        MediaInfo media = library.readable(caller.get(), mediaId(id), Optional.empty());
        return withRepresentationHeaders(Response.ok(), media)
                .header(HttpHeaders.CONTENT_LENGTH, media.size())
                .build();
    }

    @GET
    @Path("{id}/metadata")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN, Roles.SERVICE })
    public Response metadata(@PathParam("id") String id,
            @QueryParam("versionId") @Pattern(regexp = VERSION_ID_PATTERN) String versionId) {
        MediaInfo media = library.readable(caller.get(), mediaId(id), Optional.ofNullable(versionId));
        return Response.ok(MediaView.of(media)).tag(etag(media)).build();
    }

    /** New content for an existing item: a new version. If-Match with the current ETag is required. */
    @PUT
    @Path("{id}/content")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Response replace(@PathParam("id") String id, InputStream body,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 1024) String ifMatch,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @QueryParam("filename") @Size(max = 1024) String filename,
            @QueryParam("storageClass") @Size(max = 32) String storageClass) {
        MediaInfo media = library.replace(caller.get(), mediaId(id), ifMatch, body, length(contentLength), contentType,
                FileNames.sanitize(filename), storageClass);
        return Response.ok(MediaView.of(media)).tag(etag(media)).build();
    }

    /** Soft delete: the item disappears, its versions stay and can be restored. */
    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Response delete(@PathParam("id") String id) {
        library.delete(caller.get(), mediaId(id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Page<VersionView> versions(@PathParam("id") String id,
            @QueryParam("cursor") @Size(max = 2048) String cursor,
            @QueryParam("limit") String limit) {
        Page<VersionInfo> page = library.versions(caller.get(), mediaId(id), cursor, PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return new Page<>(page.items().stream().map(VersionView::of).toList(), page.nextCursor());
    }

    @POST
    @Path("{id}/versions/{versionId}/restore")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Response restore(@PathParam("id") String id,
            @PathParam("versionId") @Pattern(regexp = VERSION_ID_PATTERN) String versionId) {
        MediaInfo media = library.restore(caller.get(), mediaId(id), versionId);
        return Response.ok(MediaView.of(media)).tag(etag(media)).build();
    }

    /** Hard delete of the item and its whole history. */
    @DELETE
    @Path("{id}/versions")
    @RolesAllowed(Roles.ADMIN)
    public Response purge(@PathParam("id") String id) {
        library.purge(mediaId(id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/download-url")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public PresignedView downloadUrl(@PathParam("id") String id,
            @QueryParam("versionId") @Pattern(regexp = VERSION_ID_PATTERN) String versionId,
            @QueryParam("expiresInSeconds") Integer expiresInSeconds) {
        return PresignedView.of(null, library.downloadUrl(caller.get(), mediaId(id), Optional.ofNullable(versionId),
                expiresInSeconds, media -> ContentDisposition.attachment(media.downloadName())));
    }

    private Response.ResponseBuilder body(Response.ResponseBuilder response, MediaInfo media, ByteRange range) {
        InputStream content = library.open(media, range);
        StreamingOutput stream = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        return withRepresentationHeaders(response.entity(stream), media)
                .header(HttpHeaders.CONTENT_LENGTH, range == null ? media.size() : range.length())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(media.downloadName()));
    }

    private static Response.ResponseBuilder withRepresentationHeaders(Response.ResponseBuilder response, MediaInfo media) {
        return response.type(media.type().mimeType())
                .tag(etag(media))
                .lastModified(Date.from(media.modifiedAt()))
                .header("Accept-Ranges", "bytes")
                .header(VERSION_HEADER, media.versionId())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    static EntityTag etag(MediaInfo media) {
        return new EntityTag(media.sha256());
    }

    /** Ids are server-made UUIDs; anything else cannot name an item. */
    static UUID mediaId(String id) {
        return PathIds.parse(id).orElseThrow(MediaProblems::notFound);
    }

    static OptionalLong length(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(contentLength.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
