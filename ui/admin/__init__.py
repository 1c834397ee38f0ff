"""Staff admin mode: staff accounts, catalogue editor, settings, visit records, audit trail."""

from ui.admin.panel import AdminPanel

__all__ = ["AdminPanel"]
