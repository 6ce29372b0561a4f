package io.actionflow.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.BrowserTest;
import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Roles;
import io.actionflow.platform.UserDraft;
import io.actionflow.platform.UserService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** In two browsers: an admin makes a role read-only on the Roles page; that role's user sees it after a reload. */
class RolesBrowserTest extends BrowserTest {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    PageService pages;

    @Autowired
    Roles roles;

    @Autowired
    Permissions permissions;

    @Autowired
    UserService users;

    private static WebDriver adminBrowser;
    private static WebDriver userBrowser;

    @AfterAll
    static void stopAdminBrowser() {
        if (adminBrowser != null) {
            adminBrowser.quit();
            adminBrowser = null;
        }
        browser = userBrowser;
    }

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void an_admin_restricts_a_role_and_its_user_sees_it_after_a_reload() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String parts = "parts_" + s;
        collections.create(new CollectionDraft(parts, "Parts " + s, null, "name"));
        collections.addField(parts, FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name")));
        records.create(parts, Map.of("name", "Bolt " + s));
        String role = roles.create("stock_" + s, "Stock keeper " + s).id();
        String username = "keeper" + s;
        users.create(new UserDraft(username, "Keeper " + s, null, "keeper-password-1", Set.of(role)));
        permissions.save(role, parts, Grant.FULL);
        var page = pages.create(new PageDraft("Parts " + s, null, "vaadin:cubes", 1, Set.of(role)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, parts, null, 0, List.of("name"), null, 10, null));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, parts, "New part", 0, List.of("name"), FormMode.CREATE, 0, null));
        userBrowser = browser;
        adminBrowser = startChromium();

        // the role's user: the table and the form to add parts
        as(userBrowser);
        signIn(username, "keeper-password-1");
        open("p/" + page.slug());
        waitForText("Bolt " + s);
        waitForText("New part");
        screenshot("roles-user-before");

        // the admin makes the role read-only on the collection
        as(adminBrowser);
        signIn("admin", "admin1234");
        open("admin/roles");
        waitForText("Stock keeper " + s);
        click(waitFor(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Stock keeper " + s + "']")));
        waitForText("What Stock keeper " + s + " may do");
        click(present(By.xpath("//div[@data-collection='" + parts + "']//vaadin-button[normalize-space(.)='Read only']")));
        waitForVaadin();
        screenshot("roles-admin-read-only");
        assertThat(permissions.grant(role, parts).create()).isFalse();

        // after a reload the form is gone; the records are still there to read
        as(userBrowser);
        open("p/" + page.slug());
        waitForText("Bolt " + s);
        assertThat(visibleText()).doesNotContain("New part");
        screenshot("roles-user-after");
    }

    @Test
    void a_user_with_two_roles_switches_the_one_they_act_with_in_the_profile_menu() throws Exception {
        userBrowser = browser;
        as(userBrowser);
        signIn("admin", "admin1234");
        open("");
        waitForText("Roles");
        click(waitFor(By.cssSelector("vaadin-menu-bar.af-user-menu vaadin-menu-bar-button")));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[contains(normalize-space(.), 'Acting as')]")));
        screenshot("roles-act-as-menu");
        click(waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='Member']")));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> !visibleText().contains("Collections"));
        waitForVaadin();
        assertThat(visibleText()).doesNotContain("Design mode").doesNotContain("Workflows");
        screenshot("roles-acting-as-member");
        // the admin views are closed to the member role now, and back once the admin acts as admin again
        open("admin/roles");
        assertThat(visibleText()).doesNotContain("New role");
        open("");
        click(waitFor(By.cssSelector("vaadin-menu-bar.af-user-menu vaadin-menu-bar-button")));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[contains(normalize-space(.), 'Acting as')]")));
        click(waitFor(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='Admin']")));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> visibleText().contains("Collections"));
    }

    private static void as(WebDriver driver) {
        browser = driver;
    }
}
