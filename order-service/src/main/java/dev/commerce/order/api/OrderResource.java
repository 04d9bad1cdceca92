package dev.commerce.order.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.commerce.common.api.ProblemException;
import dev.commerce.common.api.VersionTags;
import dev.commerce.common.auth.Roles;
import dev.commerce.common.paging.CursorCodec;
import dev.commerce.common.paging.Page;
import dev.commerce.common.paging.PageLimit;
import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.domain.Checkout;
import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.OrderStatus;
import dev.commerce.order.domain.OrderView;
import dev.commerce.order.domain.Orders;
import dev.commerce.order.domain.Orders.Caller;
import dev.commerce.order.store.OrderStore.OrderQuery;
import dev.commerce.order.store.OrderStore.Position;
import dev.commerce.order.store.ReadFrom;
import io.smallrye.mutiny.Uni;

/** Checkout and orders: customers place, read and cancel their own orders; admins read all and move them along. */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    private static final String KEY_PATTERN = "[\\x21-\\x7E]{1,128}";

    private final Checkout checkout;
    private final Orders orders;
    private final CursorCodec cursors;
    private final OrderConfig.Paging paging;
    private final JsonWebToken caller;

    public OrderResource(Checkout checkout, Orders orders, CursorCodec cursors, OrderConfig config, JsonWebToken caller) {
        this.checkout = checkout;
        this.orders = orders;
        this.cursors = cursors;
        this.paging = config.paging();
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Check out the cart of a session; the Idempotency-Key makes retries safe")
    public Uni<Response> place(@RestHeader("Idempotency-Key") String idempotencyKey, @Valid @NotNull PlaceOrderBody body) {
        if (idempotencyKey == null || !idempotencyKey.matches(KEY_PATTERN)) {
            throw ProblemException.invalidField("Idempotency-Key", "is required: 1-128 printable ASCII characters");
        }
        return checkout.placeOrder(caller.getSubject(), idempotencyKey, body.sessionId()).map(result -> {
            Response.ResponseBuilder response = Response.status(result.status()).entity(result.body().getMap());
            if (result.status() == 201) {
                response.location(URI.create("/orders/" + result.orderId()))
                        .header("ETag", VersionTags.of(result.body().getInteger("version")));
            }
            if (result.replayed()) {
                response.header("Idempotent-Replayed", "true");
            }
            return response.build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    @Operation(summary = "One order (owner or admin), always current; ETag is its version")
    public Uni<Response> get(@RestPath String id) {
        return orders.get(orderId(id), caller()).map(order -> withEtag(Response.ok(OrderView.of(order)), order));
    }

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    @Operation(summary = "Orders newest first: a customer's own, or (admin) anyone's, optionally by customer and status")
    public Uni<Page<OrderView>> list(@RestQuery String status, @RestQuery String limit, @RestQuery String cursor,
            @RestQuery String customerId, @RestQuery boolean consistent) {
        Caller who = caller();
        Optional<String> customer = Optional.ofNullable(customerId);
        if (!who.admin()) {
            if (customer.isPresent() && !customer.get().equals(who.subject())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "Customers list only their own orders");
            }
            customer = Optional.of(who.subject());
        } else if (customer.isPresent() && (customer.get().isBlank() || customer.get().length() > 200)) {
            throw ProblemException.invalidField("customerId", "must be 1-200 characters");
        }
        int size = PageLimit.parse(limit, paging.defaultLimit(), paging.maxLimit());
        OrderQuery query = new OrderQuery(customer, status(status), Optional.ofNullable(cursor).map(this::position), size + 1);
        return orders.list(query, consistent ? ReadFrom.WRITER : ReadFrom.READER).map(found -> {
            List<Order> page = found.size() > size ? found.subList(0, size) : found;
            String next = found.size() > size ? cursor(page.getLast()) : null;
            return new Page<>(page.stream().map(OrderView::of).toList(), next);
        });
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    @Operation(summary = "Status history of an order (owner or admin), oldest first")
    public Uni<HistoryView> history(@RestPath String id, @RestQuery boolean consistent) {
        return orders.history(orderId(id), caller(), consistent ? ReadFrom.WRITER : ReadFrom.READER)
                .map(changes -> HistoryView.of(id, changes));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Cancel an own order while PENDING or PAID; its stock goes back to the catalog")
    public Uni<Response> cancel(@RestPath String id) {
        return orders.cancel(orderId(id), caller(), "cancelled by customer").map(order -> withEtag(Response.ok(OrderView.of(order)), order));
    }

    @PATCH
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move an order along PENDING → PAID → SHIPPED → DELIVERED (or cancel it); needs If-Match")
    public Uni<Response> changeStatus(@RestPath String id, @RestHeader("If-Match") String ifMatch, @Valid @NotNull StatusChangeBody body) {
        OptionalLong expected = VersionTags.required(ifMatch, "order");
        String reason = body.reason() == null ? "changed by admin" : body.reason();
        return orders.changeStatus(orderId(id), caller(), body.status(), expected, reason)
                .map(order -> withEtag(Response.ok(OrderView.of(order)), order));
    }

    private Caller caller() {
        return new Caller(caller.getSubject(), caller.getGroups().contains(Roles.ADMIN));
    }

    private static UUID orderId(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException notAUuid) {
            // Falls through: no order can have this id.
        }
        throw ProblemException.notFound("No order " + (id.length() > 64 ? id.substring(0, 64) : id));
    }

    private static Optional<OrderStatus> status(String status) {
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrderStatus.valueOf(status));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalidField("status", "must be one of PENDING, PAID, SHIPPED, DELIVERED, CANCELLED");
        }
    }

    private String cursor(Order last) {
        return cursors.encode(last.createdAt().toString() + "|" + last.id());
    }

    private Position position(String cursor) {
        String[] parts = cursors.decode(cursor).split("\\|");
        try {
            return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException malformed) {
            throw ProblemException.invalidField("cursor", "is not a cursor issued by this service");
        }
    }

    private static Response withEtag(Response.ResponseBuilder response, Order order) {
        return response.header("ETag", VersionTags.of(order.version())).build();
    }
}
