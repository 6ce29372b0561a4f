package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** What an admin sees of the API in a real browser: the token dialog, and the Swagger UI of the description. */
class ApiBrowserTest extends BrowserTest {

    @Test
    void an_admin_makes_a_token_and_reads_the_api_in_swagger_ui() throws Exception {
        signIn("admin", "admin1234");
        open("");
        waitFor(By.cssSelector(".af-user-menu")).click();
        waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='API tokens']")).click();
        var name = waitFor(By.xpath("//vaadin-dialog//vaadin-text-field[label[normalize-space(.)='Name']]//input"));
        name.sendKeys(unique("Nightly import"));
        waitFor(By.xpath("//vaadin-dialog//vaadin-button[normalize-space(.)='Create token']")).click();
        waitForText("Copy it now");
        String secret = String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('vaadin-dialog vaadin-text-field.af-code').value"));
        assertThat(secret).startsWith("af_");
        screenshot("api-tokens");

        open("swagger-ui/index.html");
        waitForText("Actionflow HTTP API");
        waitForText("/api/{collection}:create");
        screenshot("api-swagger");
    }
}
