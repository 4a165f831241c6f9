"""Snippet choosers whose labels follow the language of the editor who reads them.

Wagtail's chooser viewset translates its "Choose" labels with `gettext` when it is
imported, and its snippet chooser widget formats "Choose %(object)s" when a form
class is first built; both stay in whatever language was active at that moment
(Russian at start-up), so an English or Azerbaijani editor read "Выбрать
organisation". Here every label is a lazy, whole sentence per model, translated
when a page is rendered.
"""

from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

LABELS = frozenset({"choose_one_text", "choose_another_text", "link_to_chosen_text"})


class TranslatedSnippetChooser(AdminSnippetChooser):
    """A snippet chooser widget that keeps its viewset's lazy labels."""

    def __init__(self, model=None, **kwargs):
        given = LABELS & kwargs.keys()
        super().__init__(model=model, **kwargs)
        # AdminSnippetChooser stores labels already translated; dropping them
        # falls back to the lazy class attributes set by the viewset.
        for name in LABELS - given:
            vars(self).pop(name, None)


class TranslatedChooseView(ChooseView):
    # The title is already a whole sentence naming the model.
    page_subtitle = None


class TranslatedChooseResultsView(ChooseResultsView):
    page_subtitle = None


class TranslatedSnippetChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser whose modal title and widget labels are lazy."""

    base_widget_class = TranslatedSnippetChooser
    choose_view_class = TranslatedChooseView
    choose_results_view_class = TranslatedChooseResultsView


class TranslatedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose chooser speaks the editor's language.

    Subclasses set `choose_one_text`, `choose_another_text` and `edit_item_text`
    to `gettext_lazy` sentences ("Choose an organisation").
    """

    chooser_viewset_class = TranslatedSnippetChooserViewSet
    choose_one_text = None
    choose_another_text = None
    edit_item_text = None

    @property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            page_title=self.choose_one_text,
            choose_one_text=self.choose_one_text,
            choose_another_text=self.choose_another_text,
            edit_item_text=self.edit_item_text,
        )
