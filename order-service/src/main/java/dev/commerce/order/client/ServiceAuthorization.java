package dev.commerce.order.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import dev.commerce.common.auth.ServiceCredentials;

/** Internal calls (reservations, carts, locks, rate limits, trending) carry this service's own bearer token. */
@ApplicationScoped
public class ServiceAuthorization implements ClientHeadersFactory {

    private final ServiceCredentials credentials;

    public ServiceAuthorization(ServiceCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", credentials.authorization());
        return headers;
    }
}
