package io.actionflow.pages;

import io.actionflow.H2Test;

@H2Test
class PagesH2Test extends PagesContract {
}
