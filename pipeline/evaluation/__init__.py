"""Tools that measure the pipeline, kept apart from its stages: the scorer against the gold
(``evaluate``, ``evaluate_real``), rule coverage, the funding audit and the bench. Run each as
``python -m pipeline.evaluation.<tool>`` (the Makefile's ``eval``, ``funding-audit``, ``bench``)."""
