"""The domain core: pure Python, no widgets, no printing.

Settings (:mod:`kiosk.settings`, :mod:`kiosk.branch_settings`), time and the business
day (:mod:`kiosk.clock`), languages (:mod:`kiosk.i18n`, with ``LOCALES``), the
catalogue and questionnaire (:mod:`kiosk.catalogue`), the queue (:mod:`kiosk.reception`
issues tickets, :mod:`kiosk.desk` serves them, :mod:`kiosk.board` announces them),
visit records, access control (:mod:`kiosk.access`), staff accounts
(:mod:`kiosk.staff`), the audit trail (:mod:`kiosk.audit`) and persistence
(:mod:`kiosk.db`). It imports neither ``ui`` nor ``printing`` nor Qt.
"""
