package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description and its Swagger UI page: there for admins, refused to members and to nobody signed in. */
class ApiDescriptionTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void admins_read_the_description_and_open_swagger_ui() throws Exception {
        var admin = signedIn("admin", "admin1234");

        var docs = admin.send(get("/v3/api-docs"), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/{collection}:create\"", "\"/api/auth:signIn\"", "\"/api/workflows:trigger\"",
                "Idempotency-Key", "bearer");
        var ui = admin.send(get("/swagger-ui/index.html"), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void members_and_anonymous_callers_do_not_get_it() throws Exception {
        var member = signedIn("member", "member1234");
        assertThat(member.send(get("/v3/api-docs"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);

        var nobody = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var anonymous = nobody.send(get("/v3/api-docs"), HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    /**
     * What the description costs a start stays out of it (issue 16): springdoc's own beans wait for the first request
     * for it.
     */
    @Test
    void the_description_is_made_on_first_use() {
        var springdoc = Arrays.stream(beans.getBeanDefinitionNames())
                .filter(name -> name.startsWith("org.springdoc.") || name.equals("openApiResource") || name.equals("springdocObjectMapperProvider"))
                .toList();
        assertThat(springdoc).contains("openApiResource", "springdocObjectMapperProvider");
        assertThat(springdoc).allSatisfy(name -> assertThat(beans.getBeanDefinition(name).isLazyInit()).as(name).isTrue());
    }

    private HttpClient signedIn(String username, String password) throws Exception {
        var client = io.actionflow.HttpSignIn.browser();
        assertThat(io.actionflow.HttpSignIn.signIn(client, port, username, password)).doesNotContain("error").doesNotContain("/login");
        return client;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(url(path)).build();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
