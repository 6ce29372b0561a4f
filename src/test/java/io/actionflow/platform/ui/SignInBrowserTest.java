package io.actionflow.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import io.actionflow.platform.Role;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBrowserTest extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    io.actionflow.platform.Inbox inbox;

    @Test
    @Order(1)
    void visitor_is_sent_to_the_login_page() throws Exception {
        browser.manage().deleteAllCookies();
        open("");

        waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        waitForText("Your data, your pages, your workflows.");
        screenshot("login");
    }

    @Test
    @Order(2)
    void wrong_password_shows_a_clear_message() throws Exception {
        signIn("admin", "not-the-password");

        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        waitForText("Incorrect username or password");
        screenshot("login-failed");
    }

    @Test
    @Order(3)
    @WithMockUser(username = "admin", roles = "admin")
    void locked_account_is_told_how_long_it_waits() throws Exception {
        String username = unique("browser-lock");
        users.create(new UserDraft(username, "Browser Lock", null, "right-password", Set.of(Role.MEMBER_ID)));
        for (int i = 0; i < 10; i++) {
            signIn(username, "wrong-password");
        }

        signIn(username, "right-password");

        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        waitForText("Account locked");
        waitForText("locked for 5 minutes");
        screenshot("login-locked");
    }

    @Test
    @Order(4)
    void admin_signs_in_and_sees_the_shell_with_the_admin_section() throws Exception {
        inbox.send(java.util.List.of("admin"), "Welcome", "Your workspace is ready.");
        signIn("admin", "admin1234");

        waitFor(By.cssSelector("vaadin-app-layout"));
        waitForText("Welcome, Administrator");
        waitForText("Users");
        waitForText("still have their default password");
        assertThat(waitFor(By.cssSelector(".af-inbox-badge")).getText()).isEqualTo("1");
        screenshot("shell-admin");

        open("admin/users");
        waitFor(By.cssSelector("vaadin-grid"));
        waitForText("New user");
        screenshot("users");
    }

    @Test
    @Order(5)
    void member_sees_no_admin_section_and_is_denied_admin_pages() throws Exception {
        signIn("member", "member1234");

        waitForText("Welcome, Demo Member");
        assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item[path='admin/users']"))).isEmpty();
        assertThat(visibleText()).doesNotContain("default password");

        open("admin/users");
        waitForText("Access denied");
        screenshot("access-denied");

        open("no/such/page");
        waitForText("Page not found");
        screenshot("not-found");
    }

    @Test
    @Order(6)
    void signing_out_from_the_profile_menu_returns_to_the_login() throws Exception {
        signIn("member", "member1234");
        waitForText("Welcome, Demo Member");

        waitFor(By.cssSelector("vaadin-menu-bar.af-user-menu vaadin-menu-bar-button")).click();
        waitForText("Sign out");
        screenshot("profile-menu");
        waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='Sign out']")).click();

        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/login"));
        open("");
        waitFor(By.cssSelector("vaadin-login-form"));
    }

    @Test
    @Order(7)
    void a_message_sent_while_the_admin_looks_shows_on_the_bell_without_a_reload() throws Exception {
        signIn("admin", "admin1234");
        waitForText("Welcome, Administrator");
        long before = inbox.unreadCount("admin");

        // sent from elsewhere (a workflow's thread), committed: the open page is told by server push
        inbox.send(java.util.List.of("admin"), "Pushed", "Sent while you were looking");

        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector(".af-inbox-badge")).stream()
                        .anyMatch(b -> b.isDisplayed() && b.getText().equals(String.valueOf(before + 1))));
        screenshot("inbox-pushed");
    }
}
