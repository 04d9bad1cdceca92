package dev.commerce.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.commerce.backends.DevJwtKeys;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

class LocalTokensTest {

    @Test
    void mintedTokenVerifiesWithTheSharedPublicKeyAndCarriesTheRole() throws Exception {
        String token = LocalTokens.fromArgs(List.of("--sub=carol", "--role=admin", "--hours=1"));

        JWTAuthContextInfo context = new JWTAuthContextInfo(publicKey(), DevJwtKeys.ISSUER);
        var jwt = new DefaultJWTParser(context).parse(token);

        assertThat(jwt.getSubject()).isEqualTo("carol");
        assertThat(jwt.getGroups()).containsExactly("admin");
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(Duration.ofHours(1).toSeconds());
    }

    @Test
    void unknownRoleOrOptionIsRefused() {
        assertThatThrownBy(() -> LocalTokens.fromArgs(List.of("--role=root"))).hasMessageContaining("role must be one of");
        assertThatThrownBy(() -> LocalTokens.fromArgs(List.of("--colour=red"))).hasMessageContaining("Unknown option");
    }

    @Test
    void stackOptionsValidateTheMediaStore() {
        assertThat(StackOptions.parse(List.of("--media-store=efs", "--no-seed", "--free-ports")))
                .isEqualTo(new StackOptions("efs", false, true));
        assertThat(StackOptions.parse(List.of())).isEqualTo(new StackOptions("s3", true, false));
        assertThat(StackOptions.parse(List.of()).ports()).isEqualTo(ServicePorts.documented());
        assertThatThrownBy(() -> StackOptions.parse(List.of("--media-store=ftp"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sampleCatalogHasFiftyProductsWithUniqueSkus() {
        var products = SampleCatalog.products();
        assertThat(products.size()).isEqualTo(50);
        var skus = new java.util.HashSet<String>();
        products.forEach(p -> skus.add(p.get("sku").asText()));
        assertThat(skus).hasSize(50);
    }

    private static PublicKey publicKey() throws Exception {
        String pem = Files.readString(DevJwtKeys.shared().publicKey());
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
