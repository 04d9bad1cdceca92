package dev.commerce.common.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a keyset-paginated list; {@code nextCursor} is absent on the last page. */
@RegisterForReflection
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
}
