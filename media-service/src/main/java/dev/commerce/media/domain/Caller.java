package dev.commerce.media.domain;

/**
 * Who is asking, as far as media access goes. Customers reach only their own items (and public ones, read-only);
 * admins reach everything; other services may read.
 */
public record Caller(String subject, boolean admin, boolean service) {

    public String ownerKey() {
        return OwnerKey.of(subject);
    }

    public boolean owns(MediaInfo media) {
        return subject.equals(media.owner());
    }

    public boolean canRead(MediaInfo media) {
        return admin || service || owns(media) || media.isPublic();
    }

    public boolean canModify(MediaInfo media) {
        return admin || owns(media);
    }
}
