package dev.commerce.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.common.api.ProblemException;

class PageLimitTest {

    @Test
    void absentIsTheDefaultAndAnythingFromOneToMaxIsTaken() {
        assertThat(PageLimit.parse(null, 20, 100)).isEqualTo(20);
        assertThat(PageLimit.parse("", 20, 100)).isEqualTo(20);
        assertThat(PageLimit.parse("1", 20, 100)).isEqualTo(1);
        assertThat(PageLimit.parse(" 100 ", 20, 100)).isEqualTo(100);
    }

    @Test
    void anythingElseIsA400NamingTheParameter() {
        for (String limit : new String[] { "0", "101", "-1", "many", "1.5", "99999999999" }) {
            ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageLimit.parse(limit, 20, 100));
            assertThat(e.status()).as(limit).isEqualTo(400);
            assertThat(e.errors()).containsExactly(new Problem.FieldError("limit", "must be a whole number from 1 to 100"));
        }
    }
}
