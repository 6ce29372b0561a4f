package io.actionflow.platform.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.actionflow.platform.Language;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translations come from the same bundles ({@code messages*.properties}) as every other text the
 * application speaks, so the UI and the API say the same thing in the same words.
 */
@Component
class BundleI18NProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(BundleI18NProvider.class);

    private final MessageSource messages;

    BundleI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Language.locales();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, locale == null ? Locale.ENGLISH : locale);
        } catch (NoSuchMessageException e) {
            if (key.endsWith(".help")) {
                // a help text is optional: a setting without one asks for it and shows none
                log.debug("No help text '{}' ({})", key, locale);
            } else {
                log.warn("Missing translation for key '{}' ({})", key, locale);
            }
            return "!" + key;
        }
    }
}
