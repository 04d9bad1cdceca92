package dev.commerce.media.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.commerce.common.api.ProblemException;
import dev.commerce.common.auth.Roles;
import dev.commerce.media.domain.FileNames;
import dev.commerce.media.domain.MediaInfo;
import dev.commerce.media.domain.PresignedUploads;
import dev.commerce.media.domain.StorageClassOption;
import dev.commerce.media.domain.UploadDraft;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** Uploads that go straight to S3 with a presigned PUT, then are finalized here (S3 store only; 501 on EFS). */
@Path("/media/presigned-uploads")
@RunOnVirtualThread
@RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
public class PresignedUploadResource {

    private final PresignedUploads uploads;
    private final CurrentCaller caller;

    public PresignedUploadResource(PresignedUploads uploads, CurrentCaller caller) {
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull PresignedUploadRequest request) {
        UploadDraft draft = new UploadDraft(FileNames.sanitize(request.filename()),
                StorageClassOption.parse("storageClass", request.storageClass()), Boolean.TRUE.equals(request.isPublic()));
        PresignedUploads.Ticket ticket = uploads.create(caller.get(), request.contentType(), request.contentLength(),
                draft, request.expiresInSeconds());
        return Response.status(Response.Status.CREATED).entity(PresignedView.of(ticket.uploadId(), ticket.request()))
                .build();
    }

    /** Checks what arrived at S3 and makes it a media item, or deletes it and says why. */
    @POST
    @Path("{uploadId}/finalize")
    @Produces(MediaType.APPLICATION_JSON)
    public Response finalizeUpload(@PathParam("uploadId") String uploadId) {
        MediaInfo media = uploads.finalizeUpload(caller.get(), parse(uploadId));
        return Response.created(URI.create("/media/" + media.id())).tag(MediaResource.etag(media))
                .entity(MediaView.of(media)).build();
    }

    private static UUID parse(String id) {
        return PathIds.parse(id).orElseThrow(() -> ProblemException.notFound("No such upload"));
    }
}
