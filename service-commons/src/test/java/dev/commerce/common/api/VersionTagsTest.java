package dev.commerce.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class VersionTagsTest {

    @Test
    void aVersionRoundTripsThroughItsTag() {
        assertThat(VersionTags.of(7)).isEqualTo("\"7\"");
        assertThat(VersionTags.required(VersionTags.of(7), "order")).hasValue(7);
        assertThat(VersionTags.optional(" W/\"12\" ")).hasValue(12);
        assertThat(VersionTags.optional("3")).hasValue(3);
    }

    @Test
    void starOrNoHeaderWhereItIsOptionalMeansAnyVersion() {
        assertThat(VersionTags.required("*", "order")).isEqualTo(OptionalLong.empty());
        assertThat(VersionTags.optional(null)).isEmpty();
        assertThat(VersionTags.optional(" ")).isEmpty();
    }

    @Test
    void aMissingRequiredHeaderIs428() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> VersionTags.required(null, "product"));
        assertThat(e.status()).isEqualTo(428);
        assertThat(e.getMessage()).isEqualTo("Send If-Match with the ETag of the product you read");
    }

    @Test
    void aTagThatIsNoVersionCanNeverMatch() {
        for (String tag : new String[] { "\"abc\"", "W/\"\"", "\"99999999999999999999\"" }) {
            ProblemException e = catchThrowableOfType(ProblemException.class, () -> VersionTags.optional(tag));
            assertThat(e.status()).as(tag).isEqualTo(412);
        }
    }

    @Test
    void aHeaderThatIsNoEntityTagIs400() {
        for (String header : new String[] { "garbage", "\"1", "\"1\", \"2\"" }) {
            ProblemException e = catchThrowableOfType(ProblemException.class, () -> VersionTags.required(header, "cart"));
            assertThat(e.status()).as(header).isEqualTo(400);
            assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("If-Match");
        }
    }
}
