package dev.commerce.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Put on a REST client with {@code @RegisterClientHeaders(ServiceAuthorization.class)}: every call to another
 * service of this system carries this service's own bearer token ({@link ServiceCredentials}), never the caller's.
 */
@ApplicationScoped
public class ServiceAuthorization implements ClientHeadersFactory {

    private final ServiceCredentials credentials;

    public ServiceAuthorization(ServiceCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", credentials.authorization());
        return headers;
    }
}
