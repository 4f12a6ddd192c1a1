"""Regex alternations of many words built as a trie, for one fast pass over long text."""

from __future__ import annotations

import re


def word_trie(words: set[str]) -> str:
    """A regex alternation of ``words`` as a trie ("co(?:ntact(?:ing)?|uncillor)"): it matches
    what the longest-first alternation matches, in the same order of preference (a longer word
    before its prefix), but Python's regex engine tries one branch per letter instead of every
    word at every position. Takes the words; returns the pattern text (no flags, no groups)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
