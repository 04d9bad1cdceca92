package dev.commerce.catalog.domain;

/** DRAFT is visible to admins and services only; ACTIVE can be bought; ARCHIVED is the soft delete. */
public enum ProductStatus {
    DRAFT, ACTIVE, ARCHIVED
}
