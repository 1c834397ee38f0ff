"""The services editor: the services (add, reorder, delete) and one service's form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.i18n import N_
from ui.admin.master_list import MasterDetail
from ui.admin.service_form import ServiceForm, new_service

if TYPE_CHECKING:
    from kiosk.i18n import Localizer


class ServicesView(MasterDetail[ServiceForm]):
    NAME = "service"
    LIST_TEXT = N_("Services")
    ADD_TEXT = N_("Add service")
    DELETE_TEXT = N_("Delete service")

    def __init__(self, services: Callable[[], list[dict[str, Any]]]) -> None:
        self._services = services
        form = ServiceForm()
        super().__init__(form, form)

    def _items(self) -> list[dict[str, Any]]:
        return self._services()

    def _new_item(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        return new_service(items)

    def _list_text(self, item: dict[str, Any]) -> str:
        loc = self._loc
        name = (loc.text(item.get("name")) if loc else "") or item.get("slug", "")
        return f"{item.get('prefix') or '?'} · {name}"

    def _title(self, loc: Localizer, item: dict[str, Any] | None) -> str:
        if item is None:
            return loc.tr("No service chosen")
        name = loc.text(item.get("name")) or str(item.get("slug", ""))
        return loc.tr("Service “{name}”").format(name=name)

    def _problem_path(self, path: tuple[Any, ...]) -> tuple[Any, ...] | None:
        if len(path) >= 2 and path[0] == "services" and path[1] == self.current:
            return path[2:]
        return None
