"""Text helpers shared by the record extractors: a paper's lines and parts (``meeting_text``),
funding facts in a piece of text (``funding_text``) and the literal pre-check of regex cues
(``literals``)."""
