package io.actionflow.pages;

import java.util.Set;

/** A new page, or the new settings of one; a blank slug is made from the title. */
public record PageDraft(String title, String slug, String icon, int columns, Set<String> roles) {
}
