package dev.commerce.catalog.domain;

/** RESERVED holds stock until it expires; COMMITTED is final; RELEASED has returned its stock. */
public enum ReservationStatus {
    RESERVED, COMMITTED, RELEASED
}
