"""Paper-level stages, run once per paper before the record extractors: what a paper is
(``classify``), its component parts (``segment``) and its own facts (``paper_facts``)."""
