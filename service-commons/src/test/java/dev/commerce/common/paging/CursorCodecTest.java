package dev.commerce.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.ProblemException;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec(Optional.of("test-key-" + System.nanoTime()));

    @Test
    void roundTripsAPosition() {
        String cursor = codec.encode("{\"pk\":\"CAT#books\",\"sk\":\"P#42\"}");
        assertThat(cursor).doesNotContain("CAT#books");
        assertThat(codec.decode(cursor)).isEqualTo("{\"pk\":\"CAT#books\",\"sk\":\"P#42\"}");
    }

    @Test
    void rejectsATamperedPayload() {
        String cursor = codec.encode("position-1");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("position-9".getBytes())
                + cursor.substring(cursor.indexOf('.'));
        assertThatThrownBy(() -> codec.decode(forged)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
    }

    @Test
    void rejectsCursorsOfAnotherKeyAndGarbage() {
        String foreign = new CursorCodec(Optional.of("other-key")).encode("position-1");
        assertThatThrownBy(() -> codec.decode(foreign)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode("not a cursor")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode("%%%.###")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode("x".repeat(5000))).isInstanceOf(ProblemException.class);
    }
}
