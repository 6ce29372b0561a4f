package io.actionflow.pages;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.Constraints;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.Role;
import io.actionflow.platform.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pages, their blocks and buttons: what admins compose in design mode and business users open. */
@Service
@Transactional
public class PageService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_DEFAULT_COLUMNS = 8;

    private final PageRepository pages;
    private final BlockRepository blocks;
    private final ButtonRepository buttons;
    private final CollectionService collections;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final io.actionflow.dispatch.ActionDispatcher dispatcher;

    private final Constraints constraints;

    PageService(PageRepository pages, BlockRepository blocks, ButtonRepository buttons, CollectionService collections,
            CurrentUser currentUser, Clock clock, io.actionflow.dispatch.ActionDispatcher dispatcher, Constraints constraints) {
        this.constraints = constraints;
        this.dispatcher = dispatcher;
        this.pages = pages;
        this.blocks = blocks;
        this.buttons = buttons;
        this.collections = collections;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The pages the signed-in user may open, in menu order. */
    @Transactional(readOnly = true)
    public List<PageDefinition> visible() {
        return pages.findAllOrdered().stream().filter(this::mayOpen).map(PageEntity::definition).toList();
    }

    /** The page at {@code slug}, if the signed-in user's roles open it. */
    @Transactional(readOnly = true)
    public PageDefinition open(String slug) {
        var page = pages.findBySlug(slug).orElseThrow(() -> new NotFoundException("page.notFound", slug));
        if (!mayOpen(page)) {
            throw new AccessDeniedException("page " + slug);
        }
        return page.definition();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('admin')")
    public List<PageDefinition> list() {
        return pages.findAllOrdered().stream().map(PageEntity::definition).toList();
    }

    @PreAuthorize("hasRole('admin')")
    public PageDefinition create(PageDraft draft) {
        String slug = draft.slug() == null || draft.slug().isBlank() ? freeSlug(draft.title()) : draft.slug().strip();
        checkPage(draft, slug, null);
        int position = pages.findAllOrdered().stream().mapToInt(PageEntity::getPosition).max().orElse(0) + 1;
        var page = new PageEntity(slug, clock.instant(), position);
        page.apply(draft.title().strip(), slug, blankToNull(draft.icon()), draft.columns(), draft.roles());
        return pages.save(page).definition();
    }

    @PreAuthorize("hasRole('admin')")
    public PageDefinition update(long pageId, PageDraft draft) {
        var page = page(pageId);
        String slug = draft.slug() == null || draft.slug().isBlank() ? page.getSlug() : draft.slug().strip();
        checkPage(draft, slug, page);
        page.apply(draft.title().strip(), slug, blankToNull(draft.icon()), draft.columns(), draft.roles());
        for (BlockEntity block : page.getBlocks()) {
            block.setColumn(Math.min(block.getColumn(), draft.columns() - 1));
        }
        return page.definition();
    }

    @PreAuthorize("hasRole('admin')")
    public void delete(long pageId) {
        pages.delete(page(pageId));
    }

    /** Moves a page to a new place in the menu (0 is first). */
    @PreAuthorize("hasRole('admin')")
    public List<PageDefinition> move(long pageId, int index) {
        var ordered = new ArrayList<>(pages.findAllOrdered());
        var page = ordered.stream().filter(p -> p.getId() == pageId).findFirst()
                .orElseThrow(() -> new NotFoundException("page.notFound", pageId));
        ordered.remove(page);
        ordered.add(Math.max(0, Math.min(index, ordered.size())), page);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setPosition(i + 1);
        }
        return ordered.stream().map(PageEntity::definition).toList();
    }

    /** Adds a block at the end of its column, with the buttons a block of its kind usually has. */
    @PreAuthorize("hasRole('admin')")
    public PageDefinition addBlock(long pageId, BlockDraft draft) {
        var page = page(pageId);
        var errors = new ArrayList<FieldError>();
        if (draft.type() == null) {
            errors.add(FieldError.of("type", "validation.required"));
        }
        CollectionDefinition collection = draft.collection() == null || draft.collection().isBlank() ? null
                : collections.find(draft.collection()).orElse(null);
        if (collection == null) {
            errors.add(draft.collection() == null || draft.collection().isBlank() ? FieldError.of("collection", "validation.required")
                    : FieldError.of("collection", "collection.notFound", draft.collection()));
        }
        ValidationException.throwIfAny(errors);
        var normalized = withDefaults(draft, collection);
        checkBlock(page, collection, normalized, null);

        var block = new BlockEntity(page, draft.type(), collection.name());
        block.apply(normalized);
        block.setPosition(page.getBlocks().stream().filter(b -> b.getColumn() == normalized.column())
                .mapToInt(BlockEntity::getPosition).max().orElse(0) + 1);
        page.getBlocks().add(block);
        blocks.save(block);
        for (ButtonDraft button : DefaultButtons.of(normalized.type(), normalized.formMode())) {
            var entity = new ButtonEntity(block, button.kind(), button.placement(), block.nextButtonPosition());
            entity.apply(button);
            block.getButtons().add(entity);
            buttons.save(entity);
        }
        return page.definition();
    }

    @PreAuthorize("hasRole('admin')")
    public PageDefinition updateBlock(long blockId, BlockDraft draft) {
        var block = block(blockId);
        var collection = collections.require(block.getCollection());
        var normalized = withDefaults(new BlockDraft(block.getType(), block.getCollection(), draft.title(),
                draft.column(), draft.fields(), block.getFormMode() == null ? draft.formMode() : block.getFormMode(),
                draft.pageSize(), draft.sourceBlockId()), collection);
        checkBlock(block.getPage(), collection, normalized, block);
        block.apply(normalized);
        return block.getPage().definition();
    }

    /** Moves a block to a column (0 or 1) and a place in it (0 is first). */
    @PreAuthorize("hasRole('admin')")
    public PageDefinition moveBlock(long blockId, int column, int index) {
        var block = block(blockId);
        var page = block.getPage();
        int target = Math.max(0, Math.min(column, page.definition().columns() - 1));
        var ordered = new ArrayList<>(page.getBlocks().stream().filter(b -> b != block && b.getColumn() == target)
                .sorted(Comparator.comparingInt(BlockEntity::getPosition)).toList());
        ordered.add(Math.max(0, Math.min(index, ordered.size())), block);
        block.setColumn(target);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setPosition(i + 1);
        }
        return page.definition();
    }

    @PreAuthorize("hasRole('admin')")
    public PageDefinition removeBlock(long blockId) {
        var block = block(blockId);
        var page = block.getPage();
        page.getBlocks().remove(block);
        return page.definition();
    }

    @PreAuthorize("hasRole('admin')")
    public PageDefinition addButton(long blockId, ButtonDraft draft) {
        var block = block(blockId);
        checkButton(block, draft, draft.kind(), draft.placement());
        var button = new ButtonEntity(block, draft.kind(), draft.placement(), block.nextButtonPosition());
        button.apply(draft);
        block.getButtons().add(button);
        buttons.save(button);
        return block.getPage().definition();
    }

    @PreAuthorize("hasRole('admin')")
    public PageDefinition updateButton(long buttonId, ButtonDraft draft) {
        var button = button(buttonId);
        checkButton(button.getBlock(), draft, button.getKind(), button.getPlacement());
        button.apply(draft);
        return button.getBlock().getPage().definition();
    }

    /** Moves a button one place earlier ({@code by = -1}) or later ({@code +1}) among those at the same placement. */
    @PreAuthorize("hasRole('admin')")
    public PageDefinition moveButton(long buttonId, int by) {
        var button = button(buttonId);
        var siblings = new ArrayList<>(button.getBlock().getButtons().stream()
                .filter(b -> b.getPlacement() == button.getPlacement())
                .sorted(Comparator.comparingInt(ButtonEntity::getPosition)).toList());
        int index = siblings.indexOf(button);
        int target = Math.max(0, Math.min(index + by, siblings.size() - 1));
        siblings.remove(button);
        siblings.add(target, button);
        var positions = siblings.stream().map(ButtonEntity::getPosition).sorted().toList();
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).setPosition(positions.get(i));
        }
        button.getBlock().getButtons().sort(Comparator.comparingInt(ButtonEntity::getPosition));
        return button.getBlock().getPage().definition();
    }

    /**
     * Binds workflows to a button, in this order. Refused whole when the button runs no workflows, when one of them is
     * of a type the button does not support (the message names the button and the type), or when an association path
     * is not a to-one relation of the block's collection. Bindings of workflows that are disabled or gone are kept.
     */
    @PreAuthorize("hasRole('admin')")
    public PageDefinition bind(long buttonId, List<io.actionflow.dispatch.WorkflowBinding> bindings) {
        var button = button(buttonId);
        var definition = button.definition();
        var action = button.getKind().action().orElseThrow(() ->
                new ValidationException(FieldError.of("bindings", "binding.notBindable")));
        String collection = button.getBlock().getCollection();
        var errors = new ArrayList<FieldError>();
        var seen = new java.util.HashSet<String>();
        for (var binding : bindings) {
            if (!seen.add(binding.workflowKey() + "!" + binding.associationPath())) {
                errors.add(FieldError.of("bindings", "binding.twice", binding.workflowKey()));
            }
            if (binding.associationPath() != null && collections.require(collection).field(binding.associationPath())
                    .filter(f -> f.type() == io.actionflow.collections.FieldType.MANY_TO_ONE).isEmpty()) {
                errors.add(FieldError.of("bindings", "binding.association", binding.associationPath()));
            }
        }
        ValidationException.throwIfAny(errors);
        var plan = dispatcher.plan(action, collection, bindings);
        String buttonName = definition.label() != null ? definition.label() : null;
        plan.refusal().ifPresent(refusal -> {
            var why = refusal.text("binding.incompatible",
                    buttonName != null ? buttonName : new io.actionflow.platform.Text(button.getKind().labelKey(), List.of()));
            throw new ValidationException(FieldError.of("bindings", why.key(), why.args().toArray()));
        });
        if (action == io.actionflow.dispatch.Action.TRIGGER) {
            for (var step : plan.inOrder()) {
                if (step.workflow().trigger() instanceof io.actionflow.triggers.TriggerConfig.CustomAction custom
                        && custom.contextType() != definition.contextType()) {
                    throw new ValidationException(FieldError.of("bindings", "binding.contextType", step.workflow().title(),
                            new io.actionflow.platform.Text("contextType." + custom.contextType().key(), List.of()),
                            new io.actionflow.platform.Text("contextType." + definition.contextType().key(), List.of())));
                }
            }
        }
        button.setBindings(bindings);
        return button.getBlock().getPage().definition();
    }

    @PreAuthorize("hasRole('admin')")
    public PageDefinition removeButton(long buttonId) {
        var button = button(buttonId);
        var block = button.getBlock();
        block.getButtons().remove(button);
        return block.getPage().definition();
    }

    private boolean mayOpen(PageEntity page) {
        return currentUser.isAdmin() || page.getRoles().stream().anyMatch(currentUser::hasRole);
    }

    private void checkPage(PageDraft draft, String slug, PageEntity self) {
        var errors = new ArrayList<>(constraints.errors(draft));
        if (slug.length() > 64 || !SLUG.matcher(slug).matches()) {
            errors.add(FieldError.of("slug", "page.slug.invalid"));
        } else if (pages.findBySlug(slug).filter(p -> p != self).isPresent()) {
            errors.add(FieldError.of("slug", "name.taken", slug));
        }
        if (draft.icon() != null && !draft.icon().isBlank() && !Icons.known(draft.icon())) {
            errors.add(FieldError.of("icon", "page.icon.invalid"));
        }
        if (draft.columns() != 1 && draft.columns() != 2) {
            errors.add(FieldError.of("columns", "page.columns.invalid"));
        }
        if (draft.roles() == null || draft.roles().isEmpty()) {
            errors.add(FieldError.of("roles", "user.roles.required"));
        }
        ValidationException.throwIfAny(errors);
    }

    private void checkBlock(PageEntity page, CollectionDefinition collection, BlockDraft draft, BlockEntity self) {
        var errors = new ArrayList<>(constraints.errors(draft));
        for (String field : draft.fields()) {
            // a column, or a one-to-many field (its rows: a sub-table in a form, a count elsewhere)
            if (collection.field(field).isEmpty()) {
                errors.add(FieldError.of("fields", "block.field.unknown", field, collection.title()));
            }
        }
        if (draft.type() == BlockType.FORM && draft.formMode() == null) {
            errors.add(FieldError.of("formMode", "validation.required"));
        }
        if (draft.sourceBlockId() != null) {
            boolean fits = page.getBlocks().stream().anyMatch(b -> b != self && b.getId().equals(draft.sourceBlockId())
                    && (b.getType() == BlockType.TABLE || b.getType() == BlockType.LIST)
                    && b.getCollection().equals(collection.name()));
            if (!fits || draft.type() == BlockType.TABLE || draft.type() == BlockType.LIST) {
                errors.add(FieldError.of("sourceBlockId", "block.source.invalid"));
            }
        }
        ValidationException.throwIfAny(errors);
    }

    private void checkButton(BlockEntity block, ButtonDraft draft, ButtonKind kind, ButtonPlacement placement) {
        var errors = new ArrayList<>(constraints.errors(draft));
        if (draft.icon() != null && !draft.icon().isBlank() && errors.stream().noneMatch(e -> e.field().equals("icon"))
                && !Icons.known(draft.icon())) {
            errors.add(FieldError.of("icon", "button.icon.unknown", draft.icon().strip()));
        }
        if (kind == null || placement == null) {
            errors.add(FieldError.of("kind", "validation.required"));
        } else if (!kind.fits(block.getType(), block.getFormMode(), placement)) {
            errors.add(FieldError.of("kind", "button.kind.misplaced"));
        }
        if (kind == ButtonKind.UPDATE_RECORD) {
            var collection = collections.require(block.getCollection());
            if (draft.presets() == null || draft.presets().isEmpty()) {
                errors.add(FieldError.of("presets", "button.presets.required"));
            } else {
                draft.presets().forEach((name, value) -> {
                    var field = collection.field(name).filter(f -> f.type().hasColumn());
                    if (field.isEmpty()) {
                        errors.add(FieldError.of("presets", "block.field.unknown", name, collection.title()));
                    } else {
                        // a value the field cannot hold is refused here, not when a user clicks the button
                        field.get().problems(value).stream().filter(p -> !p.messageKey().equals("validation.required"))
                                .forEach(p -> errors.add(new FieldError("presets." + name, p.messageKey(), p.args())));
                    }
                });
            }
        }
        if (draft.goToPageId() != null && !pages.existsById(draft.goToPageId())) {
            errors.add(FieldError.of("goToPageId", "page.notFound", draft.goToPageId()));
        }
        if (draft.refreshBlockIds() != null) {
            var onPage = block.getPage().getBlocks().stream().map(BlockEntity::getId).toList();
            if (!onPage.containsAll(draft.refreshBlockIds())) {
                errors.add(FieldError.of("refreshBlockIds", "block.refresh.invalid"));
            }
        }
        ValidationException.throwIfAny(errors);
    }

    /** Fills what an admin left open: the fields a block shows, its form mode, its column. */
    private static BlockDraft withDefaults(BlockDraft draft, CollectionDefinition collection) {
        List<String> fields = draft.fields() == null || draft.fields().isEmpty()
                ? defaultFields(draft.type(), collection) : List.copyOf(draft.fields());
        FormMode mode = draft.type() == BlockType.FORM && draft.formMode() == null ? FormMode.CREATE : draft.formMode();
        return new BlockDraft(draft.type(), collection.name(), draft.title(), Math.max(0, Math.min(draft.column(), 1)),
                fields, mode, draft.pageSize(), draft.sourceBlockId());
    }

    /** A form shows every field, its one-to-many ones as sub-tables; tables and lists their first short columns. */
    private static List<String> defaultFields(BlockType type, CollectionDefinition collection) {
        if (type == BlockType.FORM) {
            return collection.fields().stream().filter(f -> f.type().hasColumn() || f.type() == FieldType.ONE_TO_MANY)
                    .map(FieldDefinition::name).toList();
        }
        var shown = collection.columnFields().stream()
                .filter(f -> type == BlockType.FORM || type == BlockType.DETAILS || f.type() != FieldType.LONG_TEXT)
                .map(FieldDefinition::name);
        return (type == BlockType.TABLE || type == BlockType.LIST ? shown.limit(MAX_DEFAULT_COLUMNS) : shown).toList();
    }

    private String freeSlug(String title) {
        String base = io.actionflow.platform.Slugs.from(title, '-');
        base = base.isEmpty() ? "page" : base.substring(0, Math.min(base.length(), 56));
        String slug = base;
        for (int n = 2; pages.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private PageEntity page(long id) {
        return pages.findById(id).orElseThrow(() -> new NotFoundException("page.notFound", id));
    }

    private BlockEntity block(long id) {
        return blocks.findById(id).orElseThrow(() -> new NotFoundException("block.notFound", id));
    }

    private ButtonEntity button(long id) {
        return buttons.findById(id).orElseThrow(() -> new NotFoundException("button.notFound", id));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
