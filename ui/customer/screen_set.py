"""Builds every screen that needs the backend and adds it to the router."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.customer.router import Screen

if TYPE_CHECKING:
    from ui.common.qr_scan import FrameSource
    from ui.customer.context import KioskContext
    from ui.customer.screens.admin import AdminScreen
    from ui.customer.screens.bring_list import BringListScreen
    from ui.customer.screens.feedback import FeedbackScreen
    from ui.customer.screens.list_return import ListReturnScreen
    from ui.customer.screens.pin_pad import PinPadScreen
    from ui.customer.screens.questionnaire import QuestionnaireScreen
    from ui.customer.screens.service_detail import ServiceDetailScreen
    from ui.customer.screens.services import ServicesScreen
    from ui.customer.screens.staff_home import StaffHomeScreen
    from ui.customer.screens.ticket import TicketScreen


@dataclass(frozen=True)
class Screens:
    questionnaire: QuestionnaireScreen
    services: ServicesScreen
    service_detail: ServiceDetailScreen
    bring_list: BringListScreen
    ticket: TicketScreen
    feedback: FeedbackScreen | None
    """None when the backend offers no ratings."""
    list_return: ListReturnScreen | None
    """None when the backend keeps no bring-lists."""
    pin_pad: PinPadScreen
    staff_home: StaffHomeScreen
    admin: AdminScreen


def _feedback_camera(ctx: KioskContext) -> FrameSource | None:
    """The camera that reads the QR codes of tickets and bring-lists (one at a time: the
    screen in front runs it); None (and nothing of Qt Multimedia loaded) where none is
    configured."""
    device = ctx.settings.current.feedback.camera_device
    if not device:
        return None
    from ui.customer.screens.feedback_scan import open_configured_camera

    return open_configured_camera(device, ctx.open_camera)


def build_screens(ctx: KioskContext) -> Screens:
    from kiosk.after_visit import resolution_is_texted
    from ui.customer.screens.admin import AdminScreen
    from ui.customer.screens.bring_list import BringListScreen
    from ui.customer.screens.feedback import FeedbackScreen
    from ui.customer.screens.list_return import ListReturnScreen
    from ui.customer.screens.pin_pad import PinPadScreen
    from ui.customer.screens.questionnaire import QuestionnaireScreen
    from ui.customer.screens.service_detail import ServiceDetailScreen
    from ui.customer.screens.services import ServicesScreen
    from ui.customer.screens.staff_home import StaffHomeScreen
    from ui.customer.screens.ticket import TicketScreen

    lang, router, worker, state = ctx.language, ctx.router, ctx.worker, ctx.state
    backend, settings, t, clock = ctx.backend, ctx.settings, ctx.timings, ctx.clock
    reception, printer = backend.reception, backend.printer
    camera = _feedback_camera(ctx)
    screens = Screens(
        questionnaire=QuestionnaireScreen(lang, router, reception),
        services=ServicesScreen(lang, router, reception),
        service_detail=ServiceDetailScreen(lang, router, reception, worker, state),
        bring_list=BringListScreen(
            lang, router, reception, worker, printer, settings, t.ticket_return_ms
        ),
        ticket=TicketScreen(
            lang,
            router,
            reception,
            worker,
            printer,
            t.ticket_return_ms,
            t.print_fallback_ms,
            state,
            t.ticket_tick_ms,
            contacts=backend.contacts,
        ),
        feedback=FeedbackScreen(
            lang,
            router,
            reception,
            backend.ratings,
            worker,
            camera=camera,
            scan_interval_ms=t.scan_interval_ms,
        )
        if backend.ratings is not None
        else None,
        list_return=ListReturnScreen(
            lang,
            router,
            reception,
            backend.bring_lists,
            worker,
            camera=camera,
            scan_interval_ms=t.scan_interval_ms,
        )
        if backend.bring_lists is not None
        else None,
        pin_pad=PinPadScreen(
            lang, router, backend.staff, clock, t.pin_tick_ms, worker, backend.setup_code
        ),
        staff_home=StaffHomeScreen(
            lang,
            router,
            reception,
            worker,
            settings,
            state,
            printer,
            backend.audit,
            backend.complaint_book,
        ),
        admin=AdminScreen(
            lang,
            router,
            db=backend.db,
            settings=settings,
            worker=worker,
            clock=clock,
            theme=ctx.theme,
            idle_ms=t.admin_idle_ms,
            # the settings in force when the case is resolved (the branch name may change)
            notify_resolution=lambda session, case: resolution_is_texted(settings.current)(
                session, case
            ),
        ),
    )
    screens.pin_pad.staff_did_sign_in.connect(screens.staff_home.set_member)
    # The staff screens are laid out for the normal text size, standing: a customer's
    # larger text and seated layout end with their session, when staff sign in.
    screens.pin_pad.staff_did_sign_in.connect(lambda _member: router.access.reset())
    screens.staff_home.admin_requested.connect(screens.admin.open)
    for screen, widget in (
        (Screen.QUESTIONNAIRE, screens.questionnaire),
        (Screen.SERVICES, screens.services),
        (Screen.SERVICE_DETAIL, screens.service_detail),
        (Screen.BRING_LIST, screens.bring_list),
        (Screen.TICKET, screens.ticket),
        *(((Screen.FEEDBACK, screens.feedback),) if screens.feedback is not None else ()),
        *(((Screen.LIST_RETURN, screens.list_return),) if screens.list_return is not None else ()),
        (Screen.PIN_PAD, screens.pin_pad),
        (Screen.STAFF_HOME, screens.staff_home),
        (Screen.ADMIN, screens.admin),
    ):
        router.add(screen, widget)
    return screens
