package dev.commerce.media.api;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.commerce.common.api.ProblemException;
import dev.commerce.common.auth.Roles;
import dev.commerce.common.paging.Page;
import dev.commerce.media.config.MediaConfig;
import dev.commerce.media.domain.FileNames;
import dev.commerce.media.domain.MediaInfo;
import dev.commerce.media.domain.MultipartUploads;
import dev.commerce.media.domain.PartRef;
import dev.commerce.media.domain.StorageClassOption;
import dev.commerce.media.domain.UploadDraft;
import dev.commerce.media.domain.UploadInfo;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** Multipart uploads of the caller: initiate, parts, complete, abort. */
@Path("/media/uploads")
@RunOnVirtualThread
@RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
public class MultipartUploadResource {

    private final MultipartUploads uploads;
    private final CurrentCaller caller;
    private final MediaConfig config;

    public MultipartUploadResource(MultipartUploads uploads, CurrentCaller caller, MediaConfig config) {
        this.uploads = uploads;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response initiate(@Valid UploadRequest request) {
        UploadRequest options = request != null ? request : new UploadRequest(null, null, null);
        UploadDraft draft = new UploadDraft(FileNames.sanitize(options.filename()),
                StorageClassOption.parse("storageClass", options.storageClass()), Boolean.TRUE.equals(options.isPublic()));
        UploadInfo upload = uploads.initiate(caller.get(), draft);
        return Response.created(URI.create("/media/uploads/" + upload.uploadId())).entity(view(upload)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<UploadView> list() {
        return new Page<>(uploads.list(caller.get()).stream().map(this::view).toList(), null);
    }

    @GET
    @Path("{uploadId}/parts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PartView> parts(@PathParam("uploadId") String uploadId) {
        return uploads.parts(caller.get(), uploadId(uploadId)).stream().map(PartView::of).toList();
    }

    /** One part through the service; it must come with a Content-Length (it is streamed, not buffered). */
    @PUT
    @Path("{uploadId}/parts/{partNumber}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public PartView uploadPart(@PathParam("uploadId") String uploadId,
            @PathParam("partNumber") @Min(1) @Max(MultipartUploads.MAX_PARTS) int partNumber,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        return PartView.of(uploads.uploadPart(caller.get(), uploadId(uploadId), partNumber, body,
                MediaResource.length(contentLength)));
    }

    /** A presigned URL to PUT one part straight to S3; its response's ETag header is the part's ETag. */
    @POST
    @Path("{uploadId}/parts/{partNumber}/presigned-url")
    @Produces(MediaType.APPLICATION_JSON)
    public PresignedView partUrl(@PathParam("uploadId") String uploadId,
            @PathParam("partNumber") @Min(1) @Max(MultipartUploads.MAX_PARTS) int partNumber,
            @QueryParam("expiresInSeconds") Integer expiresInSeconds) {
        return PresignedView.of(null, uploads.partUrl(caller.get(), uploadId(uploadId), partNumber, expiresInSeconds));
    }

    @POST
    @Path("{uploadId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response complete(@PathParam("uploadId") String uploadId, @Valid @NotNull CompleteUploadRequest request) {
        List<PartRef> parts = request.parts().stream().map(p -> new PartRef(p.partNumber(), p.etag())).toList();
        MediaInfo media = uploads.complete(caller.get(), uploadId(uploadId), parts);
        return Response.created(URI.create("/media/" + media.id())).tag(MediaResource.etag(media))
                .entity(MediaView.of(media)).build();
    }

    @DELETE
    @Path("{uploadId}")
    public Response abort(@PathParam("uploadId") String uploadId) {
        uploads.abort(caller.get(), uploadId(uploadId));
        return Response.noContent().build();
    }

    private UploadView view(UploadInfo upload) {
        return UploadView.of(upload, config.multipart().minPartSize().asLongValue(),
                config.multipart().maxPartSize().asLongValue(), MultipartUploads.MAX_PARTS);
    }

    private static UUID uploadId(String id) {
        return PathIds.parse(id).orElseThrow(() -> ProblemException.notFound("No such upload in progress"));
    }
}
