package io.actionflow.platform.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** What a signed-in user sees on a page their roles do not open: a plain explanation inside the shell. */
@ParentLayout(MainLayout.class)
@PermitAll
class AccessDeniedView extends MessagePage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("vaadin:lock", getTranslation("error.accessDenied.title"), getTranslation("error.accessDenied.message"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
