package dev.commerce.catalog.store;

import static dev.commerce.catalog.store.Attributes.instant;
import static dev.commerce.catalog.store.Attributes.n;
import static dev.commerce.catalog.store.Attributes.number;
import static dev.commerce.catalog.store.Attributes.s;
import static dev.commerce.catalog.store.Attributes.string;
import static dev.commerce.catalog.store.Attributes.stringList;
import static dev.commerce.catalog.store.Attributes.strings;
import static dev.commerce.catalog.store.Attributes.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.commerce.catalog.domain.Money;
import dev.commerce.catalog.domain.Product;
import dev.commerce.catalog.domain.ProductStatus;
import dev.commerce.catalog.domain.ProductSummary;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a product is laid out as an item, and read back from the table or the listing index. */
final class ProductItems {

    static final String ID = "id";
    static final String SKU = "sku";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "category";
    static final String PRICE_AMOUNT = "priceAmount";
    static final String CURRENCY = "currency";
    static final String STOCK = "stock";
    static final String STATUS = "status";
    static final String MEDIA_IDS = "mediaIds";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    /** Non-key attributes projected into GSI2: what a listing shows, nothing that reservations change. */
    static final List<String> LISTING_ATTRIBUTES = List.of(ID, SKU, NAME, CATEGORY, PRICE_AMOUNT, CURRENCY, STATUS, MEDIA_IDS);

    private ProductItems() {
    }

    static Map<String, AttributeValue> item(Product product) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.product(product.id())));
        item.put(Keys.SK, s(Keys.PRODUCT_SK));
        item.put(Keys.GSI1PK, s(Keys.sku(product.sku())));
        item.put(Keys.GSI1SK, s(Keys.PRODUCT_SK));
        item.put(Keys.GSI2PK, s(Keys.listing(product.category(), product.status())));
        item.put(Keys.GSI2SK, s(Keys.listingSort(product.name(), product.id())));
        item.put(ID, s(product.id()));
        item.put(SKU, s(product.sku()));
        item.put(NAME, s(product.name()));
        item.put(DESCRIPTION, s(product.description()));
        item.put(CATEGORY, s(product.category()));
        item.put(PRICE_AMOUNT, n(product.price().amount()));
        item.put(CURRENCY, s(product.price().currency()));
        item.put(STOCK, n(product.stock()));
        item.put(STATUS, s(product.status().name()));
        item.put(MEDIA_IDS, strings(product.mediaIds()));
        item.put(VERSION, n(product.version()));
        item.put(CREATED_AT, time(product.createdAt()));
        item.put(UPDATED_AT, time(product.updatedAt()));
        return item;
    }

    static Product product(Map<String, AttributeValue> item) {
        return new Product(string(item, ID), string(item, SKU), string(item, NAME), string(item, DESCRIPTION),
                string(item, CATEGORY), money(item), number(item, STOCK), status(item), stringList(item, MEDIA_IDS),
                number(item, VERSION), instant(item, CREATED_AT), instant(item, UPDATED_AT));
    }

    static ProductSummary summary(Map<String, AttributeValue> item) {
        return new ProductSummary(string(item, ID), string(item, SKU), string(item, NAME), string(item, CATEGORY),
                money(item), status(item), stringList(item, MEDIA_IDS));
    }

    static ProductStatus status(Map<String, AttributeValue> item) {
        return ProductStatus.valueOf(string(item, STATUS));
    }

    private static Money money(Map<String, AttributeValue> item) {
        return new Money(number(item, PRICE_AMOUNT), string(item, CURRENCY));
    }
}
