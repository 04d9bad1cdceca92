package dev.commerce.localstack;

import java.time.Duration;
import java.util.List;

/** What the stack prints once it is up: URLs, tokens and a copy-paste tour. */
final class Walkthrough {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private Walkthrough() {
    }

    private static String url(List<ServiceSpec> services, String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow().url();
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
                  export ALICE={{ALICE}}
                  export BOB={{BOB}}
                  export ADMIN={{ADMIN}}

                Try it (needs curl and jq):
                  # browse a category (category is required), then pick a product and read its stock
                  curl -s '{{CATALOG}}/products?category=books&limit=3' -H "Authorization: Bearer $ALICE" | jq
                  PRODUCT=$(curl -s {{CATALOG}}/products/by-sku/KIT-002 -H "Authorization: Bearer $ALICE" | jq -r .id)
                  curl -s "{{CATALOG}}/products/$PRODUCT?consistent=true" -H "Authorization: Bearer $ALICE" | jq .stock

                  # open a session (keep its id and its token) and fill the cart
                  NEW_SESSION=$(curl -s -X POST {{SESSION}}/sessions -H "Authorization: Bearer $ALICE")
                  SESSION_ID=$(echo "$NEW_SESSION" | jq -r .sessionId); SESSION=$(echo "$NEW_SESSION" | jq -r .token)
                  curl -s -X POST {{SESSION}}/cart/lines -H "Authorization: Bearer $ALICE" -H "X-Session-Token: $SESSION" \\
                       -H 'Content-Type: application/json' -d "{\\"productId\\":\\"$PRODUCT\\",\\"quantity\\":2}" | jq

                  # check out the session's cart; sending the same Idempotency-Key again replays the same order
                  KEY=checkout-$(date +%s)-$RANDOM
                  ORDER=$(curl -s -X POST {{ORDER}}/orders -H "Authorization: Bearer $ALICE" -H "Idempotency-Key: $KEY" \\
                       -H 'Content-Type: application/json' -d "{\\"sessionId\\":\\"$SESSION_ID\\"}" | jq -r .id)
                  curl -si -X POST {{ORDER}}/orders -H "Authorization: Bearer $ALICE" -H "Idempotency-Key: $KEY" \\
                       -H 'Content-Type: application/json' -d "{\\"sessionId\\":\\"$SESSION_ID\\"}" | grep -i -e '^HTTP' -e idempotent-replayed
                  curl -s {{ORDER}}/orders/$ORDER -H "Authorization: Bearer $ALICE" | jq '{status, lines, total}'
                  curl -s "{{CATALOG}}/products/$PRODUCT?consistent=true" -H "Authorization: Bearer $ALICE" | jq .stock
                  curl -s {{SESSION}}/cart -H "Authorization: Bearer $ALICE" -H "X-Session-Token: $SESSION" | jq .lines
                  curl -s '{{SESSION}}/trending?window=1h' -H "Authorization: Bearer $ALICE" | jq

                  # cancel: the stock goes back to the catalog (through the outbox: read it again if it has not yet)
                  curl -s -X POST {{ORDER}}/orders/$ORDER/cancel -H "Authorization: Bearer $ALICE" | jq .status
                  curl -s "{{CATALOG}}/products/$PRODUCT?consistent=true" -H "Authorization: Bearer $ALICE" | jq .stock

                  # upload a product image (admin, public) and attach it to the product
                  echo 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' | base64 -d > /tmp/pixel.png
                  MEDIA=$(curl -s -X POST '{{MEDIA}}/media?public=true&filename=pixel.png' -H "Authorization: Bearer $ADMIN" \\
                       -H 'Content-Type: image/png' --data-binary @/tmp/pixel.png | jq -r .id)
                  curl -s -X PUT {{CATALOG}}/products/$PRODUCT/media/$MEDIA -H "Authorization: Bearer $ADMIN" | jq .mediaIds

                  # errors are application/problem+json; another customer's order is a 404
                  curl -s {{ORDER}}/orders/$ORDER -H "Authorization: Bearer $BOB" | jq

                Health and metrics: /q/health/ready, /q/metrics on every service.
                Press Ctrl-C to stop everything.
                """.replace("{{ALICE}}", alice).replace("{{BOB}}", bob).replace("{{ADMIN}}", admin)
                .replace("{{CATALOG}}", url(services, "catalog-service")).replace("{{ORDER}}", url(services, "order-service"))
                .replace("{{SESSION}}", url(services, "session-service")).replace("{{MEDIA}}", url(services, "media-service")));
        System.out.println(out);
    }
}
