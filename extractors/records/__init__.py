"""The record extractors, one module per record family, each listed in ``extractors.registry``
(``budget_table``, ``budget_sheet`` and ``reconcile`` are parts of ``spend_plan``;
``meeting_ids`` is the meeting id that ``agenda``, ``minutes`` and ``attendance`` share)."""
