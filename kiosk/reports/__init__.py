"""Reports a branch manager runs the branch with: KPI definitions (:mod:`.definitions`),
the figures computed from the queue and the kiosk's visits by SQL aggregation
(:mod:`.queue_figures`, :mod:`.kiosk_figures`), per-staff figures (:mod:`.staff_figures`)
and the figures of feedback and complaints computed from plain rows (:mod:`.feedback`).

Nothing here imports widgets; the dashboard and the review pack only show what it returns.
"""
