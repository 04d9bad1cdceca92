package dev.commerce.session.api;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.session.config.SessionConfig;
import io.vertx.core.http.HttpServerRequest;

/**
 * The address a request comes from, for per-client rate limits. Behind a trusted load balancer it is the last
 * X-Forwarded-For entry (the one the load balancer appended; entries before it are whatever the client sent).
 */
@ApplicationScoped
public class ClientAddresses {

    private final List<Cidr> trustedProxies;

    public ClientAddresses(SessionConfig config) {
        this.trustedProxies = config.clientAddress().trustedProxies().stream().map(Cidr::parse).toList();
    }

    public String of(HttpServerRequest request) {
        if (request.remoteAddress() == null) {
            return "unknown";
        }
        String peer = request.remoteAddress().hostAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || trustedProxies.stream().noneMatch(cidr -> cidr.contains(peer))) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }

    /** An address block such as 10.0.0.0/8 or ::1/128. */
    record Cidr(BigInteger network, int prefix, int bits) {

        private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/");
            byte[] address = bytes(parts[0]);
            int bits = address.length * 8;
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
            return new Cidr(new BigInteger(1, address).shiftRight(bits - prefix), prefix, bits);
        }

        boolean contains(String address) {
            if (!LITERAL.matcher(address).matches()) {
                return false;
            }
            try {
                byte[] candidate = InetAddress.getByName(address).getAddress();
                return candidate.length * 8 == bits
                        && new BigInteger(1, candidate).shiftRight(bits - prefix).equals(network);
            } catch (UnknownHostException notAnAddress) {
                return false;
            }
        }

        private static byte[] bytes(String address) {
            if (!LITERAL.matcher(address).matches()) {
                throw new IllegalArgumentException("Not an IP address: " + address);
            }
            try {
                // A literal, so this parses it and never asks DNS.
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an IP address: " + address, e);
            }
        }
    }
}
