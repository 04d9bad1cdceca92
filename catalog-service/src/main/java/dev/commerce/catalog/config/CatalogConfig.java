package dev.commerce.catalog.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** catalog.* settings; every one can be overridden by environment variable (see application.properties). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** The single DynamoDB table of the catalog. */
    String table();

    /** Create the table when it is missing (dev and test); Terraform owns it in AWS. */
    boolean createTable();

    /** Upper bound of one DynamoDB call made on behalf of a request. */
    Duration requestTimeout();
}
