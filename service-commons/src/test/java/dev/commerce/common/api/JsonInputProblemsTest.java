package dev.commerce.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonInputProblemsTest {

    enum Colour { RED, GREEN }

    record Line(String productId, int quantity) {
    }

    record Order(List<Line> lines, Colour colour, boolean gift) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void wrongTypeNamesTheFieldPathAndTheExpectedKind() {
        Problem problem = problemFor("{\"lines\": [{\"productId\": \"p1\", \"quantity\": \"lots\"}]}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).hasToString("urn:problem:validation");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("lines[0].quantity", "must be a whole number"));
        assertThat(problem.detail()).isEqualTo("lines[0].quantity must be a whole number");
    }

    @Test
    void unknownEnumConstantListsTheAllowedOnes() {
        assertThat(problemFor("{\"colour\": \"BLUE\"}").errors())
                .containsExactly(new Problem.FieldError("colour", "must be one of RED, GREEN"));
    }

    @Test
    void unknownFieldAndWrongShapesAreFieldErrors() {
        assertThat(problemFor("{\"discount\": 5}").errors()).containsExactly(new Problem.FieldError("discount", "is not a known field"));
        assertThat(problemFor("{\"gift\": [1]}").errors()).containsExactly(new Problem.FieldError("gift", "must be true or false"));
        assertThat(problemFor("{\"lines\": {}}").errors()).containsExactly(new Problem.FieldError("lines", "must be an array"));
    }

    @Test
    void brokenSyntaxIsAMalformedBodyEvenWhenJacksonKnowsWhereItStopped() {
        for (String body : List.of("{\"lines\": [", "{\"colour\": ", "not json", "{\"gift\": tru}")) {
            Problem problem = problemFor(body);
            assertThat(problem.type()).as(body).hasToString("urn:problem:malformed-body");
            assertThat(problem.detail()).isEqualTo("The request body is not valid JSON");
            assertThat(problem.errors()).isEmpty();
        }
    }

    @Test
    void theWrongKindOfDocumentSaysWhatIsExpected() {
        Problem problem = problemFor("[1, 2, 3]");
        assertThat(problem.type()).hasToString("urn:problem:malformed-body");
        assertThat(problem.detail()).isEqualTo("The request body must be an object");
    }

    @Test
    void writingAResponseIsNotTheClientsFault() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.writeValueAsString(new Object()));
        assertThat(JsonInputProblems.of(e, "/orders")).isEmpty();
    }

    private static Problem problemFor(String body) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readValue(body, Order.class));
        assertThat(e).as(body).isNotNull();
        Problem problem = JsonInputProblems.of(e, "/orders").orElseThrow();
        assertThat(problem.instance()).isEqualTo("/orders");
        return problem;
    }
}
