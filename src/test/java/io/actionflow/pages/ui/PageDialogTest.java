package io.actionflow.pages.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import io.actionflow.platform.Roles;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A page's settings dialog: an icon it does not list is kept; a title is required and nothing is saved without one. */
class PageDialogTest extends KaribuTest {

    @Autowired
    PageService pages;

    @Autowired
    Roles roles;

    private io.actionflow.pages.PageDefinition stored(long id) {
        return pages.list().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void settings_keep_an_icon_set_elsewhere_and_refuse_an_empty_title() {
        signIn("admin");
        String s = UUID.randomUUID().toString().substring(0, 8);
        // an icon the dialog does not offer, as the demo, an import or the API may set
        var page = pages.create(new PageDraft("Depot " + s, null, "vaadin:automation", 1, Set.of(Role.MEMBER_ID)));

        new PageDialog(pages, roles, page, saved -> { }).open();
        Select<String> icon = _get(Select.class, spec -> spec.withLabel("Icon"));
        assertThat(icon.getValue()).isEqualTo("vaadin:automation");

        var title = _get(TextField.class, spec -> spec.withLabel("Title"));
        _setValue(title, " ");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(title.isInvalid()).isTrue();
        assertThat(stored(page.id()).title()).isEqualTo("Depot " + s);

        _setValue(title, "Warehouse " + s);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        var saved = stored(page.id());
        assertThat(saved.title()).isEqualTo("Warehouse " + s);
        assertThat(saved.icon()).isEqualTo("vaadin:automation");
    }
}
