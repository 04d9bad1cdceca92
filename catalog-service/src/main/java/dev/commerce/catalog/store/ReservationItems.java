package dev.commerce.catalog.store;

import static dev.commerce.catalog.store.Attributes.n;
import static dev.commerce.catalog.store.Attributes.number;
import static dev.commerce.catalog.store.Attributes.s;
import static dev.commerce.catalog.store.Attributes.string;
import static dev.commerce.catalog.store.Attributes.time;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.commerce.catalog.domain.Money;
import dev.commerce.catalog.domain.Reservation;
import dev.commerce.catalog.domain.ReservationStatus;
import dev.commerce.catalog.domain.ReservedLine;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a reservation is laid out as an item. {@code holdUntil} is the reservation's expiry (what the API calls
 * {@code expiresAt}); the TTL attribute {@code expiresAt} is when the record itself may be purged, always later,
 * so TTL never removes a hold whose stock has not been returned.
 */
final class ReservationItems {

    static final String ORDER_ID = "orderId";
    static final String STATUS = "status";
    static final String LINES = "lines";
    static final String HOLD_UNTIL = "holdUntil";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    private static final String PRODUCT_ID = "productId";
    private static final String QUANTITY = "quantity";
    private static final String UNIT_AMOUNT = "unitAmount";
    private static final String CURRENCY = "currency";

    private ReservationItems() {
    }

    static Map<String, AttributeValue> item(Reservation reservation, Instant now, Instant purgeAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.reservation(reservation.orderId())));
        item.put(Keys.SK, s(Keys.RESERVATION_SK));
        item.put(Keys.GSI1PK, s(Keys.expiryPartitionOf(reservation.orderId())));
        item.put(Keys.GSI1SK, s(Keys.expirySort(reservation.expiresAt().getEpochSecond(), reservation.orderId())));
        item.put(ORDER_ID, s(reservation.orderId()));
        item.put(STATUS, s(reservation.status().name()));
        item.put(LINES, AttributeValue.fromL(reservation.lines().stream().map(ReservationItems::line).toList()));
        item.put(HOLD_UNTIL, n(reservation.expiresAt().getEpochSecond()));
        item.put(Keys.EXPIRES_AT, n(purgeAt.getEpochSecond()));
        item.put(CREATED_AT, time(now));
        item.put(UPDATED_AT, time(now));
        return item;
    }

    static Reservation reservation(Map<String, AttributeValue> item) {
        return new Reservation(string(item, ORDER_ID), ReservationStatus.valueOf(string(item, STATUS)),
                item.get(LINES).l().stream().map(line -> line(line.m())).toList(),
                Instant.ofEpochSecond(number(item, HOLD_UNTIL)));
    }

    private static AttributeValue line(ReservedLine line) {
        return AttributeValue.fromM(Map.of(
                PRODUCT_ID, s(line.productId()),
                QUANTITY, n(line.quantity()),
                UNIT_AMOUNT, n(line.unitPrice().amount()),
                CURRENCY, s(line.unitPrice().currency())));
    }

    private static ReservedLine line(Map<String, AttributeValue> line) {
        return new ReservedLine(string(line, PRODUCT_ID), Math.toIntExact(number(line, QUANTITY)),
                new Money(number(line, UNIT_AMOUNT), string(line, CURRENCY)));
    }
}
