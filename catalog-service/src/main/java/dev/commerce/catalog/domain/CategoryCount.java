package dev.commerce.catalog.domain;

/** A category and how many ACTIVE products it holds, as maintained from the table's stream. */
public record CategoryCount(String name, long productCount) {
}
