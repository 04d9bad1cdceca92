package dev.commerce.localstack;

import java.time.Duration;
import java.util.List;

/** What the stack prints once it is up: URLs, tokens and a copy-paste tour. */
final class Walkthrough {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private Walkthrough() {
    }

    static void print(List<ServiceSpec> services, StackOptions options) {
        String alice = LocalTokens.mint("alice", "customer", TOKEN_LIFETIME);
        String bob = LocalTokens.mint("bob", "customer", TOKEN_LIFETIME);
        String admin = LocalTokens.mint("local-admin", "admin", TOKEN_LIFETIME);
        StringBuilder out = new StringBuilder("\n==> The system is up (media store: " + options.mediaStore() + ")\n\n");
        for (ServiceSpec service : services) {
            out.append(String.format("    %-16s %s   (API docs %s/q/swagger-ui)%n", service.name(), service.url(), service.url()));
        }
        out.append("""

                Tokens (valid 12 h; mint more with: java -jar local-stack/target/local-stack.jar token --sub=carol --role=customer)
                  export ALICE=%s
                  export BOB=%s
                  export ADMIN=%s

                Try it (needs curl and jq):
                  # browse the catalog
                  curl -s 'http://127.0.0.1:8081/products?category=books&limit=3' -H "Authorization: Bearer $ALICE" | jq
                  PRODUCT=$(curl -s 'http://127.0.0.1:8081/products?category=kitchen&limit=1' -H "Authorization: Bearer $ALICE" | jq -r '.items[0].id')

                  # open a session and fill the cart
                  SESSION=$(curl -s -X POST http://127.0.0.1:8083/sessions -H "Authorization: Bearer $ALICE" | jq -r .token)
                  curl -s -X POST http://127.0.0.1:8083/cart/lines -H "Authorization: Bearer $ALICE" -H "X-Session-Token: $SESSION" \\
                       -H 'Content-Type: application/json' -d "{\\"productId\\":\\"$PRODUCT\\",\\"quantity\\":2}" | jq

                  # check out (replaying the same Idempotency-Key returns the same order)
                  KEY=$(cat /proc/sys/kernel/random/uuid)
                  ORDER=$(curl -s -X POST http://127.0.0.1:8082/orders -H "Authorization: Bearer $ALICE" -H "X-Session-Token: $SESSION" \\
                       -H "Idempotency-Key: $KEY" -H 'Content-Type: application/json' -d '{}' | jq -r .id)
                  curl -s http://127.0.0.1:8082/orders/$ORDER -H "Authorization: Bearer $ALICE" | jq
                  curl -s "http://127.0.0.1:8081/products/$PRODUCT?consistent=true" -H "Authorization: Bearer $ALICE" | jq .stock
                  curl -s 'http://127.0.0.1:8083/trending?window=1h' -H "Authorization: Bearer $ALICE" | jq

                  # upload an image and attach it to the product (admin)
                  printf '\\x89PNG\\r\\n\\x1a\\n' > /tmp/pixel.png && head -c 64 /dev/urandom >> /tmp/pixel.png
                  MEDIA=$(curl -s -X POST http://127.0.0.1:8084/media -H "Authorization: Bearer $ADMIN" -H 'Content-Type: image/png' \\
                       --data-binary @/tmp/pixel.png | jq -r .id)
                  curl -s -X POST http://127.0.0.1:8081/products/$PRODUCT/media/$MEDIA -H "Authorization: Bearer $ADMIN" | jq .mediaIds

                  # errors are application/problem+json
                  curl -s http://127.0.0.1:8082/orders/$ORDER -H "Authorization: Bearer $BOB" | jq

                Health and metrics: /q/health/ready, /q/metrics on every service.
                Press Ctrl-C to stop everything.
                """.formatted(alice, bob, admin));
        System.out.println(out);
    }
}
