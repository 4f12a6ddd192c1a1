"""Memos of pure functions of a paper's text, emptied before each paper.

Cleaning a table cell or parsing a printed name is asked for again and again within a paper
(several extractors read the same cells and names), so such functions keep their answers.
The memo is emptied when the next paper starts: a worker's memory stays flat over an archive,
and the time a paper takes does not depend on which papers the worker read before it (an
archive with many copies of one paper would otherwise look faster than it is). The linking
stage, which runs over a whole run's records, keeps its memo for the run.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMOS: list[Any] = []


def paper_memo(maxsize: int = 1 << 14) -> Callable[[F], F]:
    """Decorate a pure function of hashable arguments so it answers each argument once
    (up to ``maxsize`` answers) until ``clear_paper_memos`` is called. Returns the decorator."""

    def wrap(fn: F) -> F:
        memo = functools.lru_cache(maxsize=maxsize)(fn)
        _MEMOS.append(memo)
        return memo  # type: ignore[return-value]

    return wrap


def clear_paper_memos() -> None:
    """Empty every memo made by ``paper_memo`` (called before each paper is processed)."""
    for memo in _MEMOS:
        memo.cache_clear()


D = TypeVar("D")
R = TypeVar("R")


def document_memo(fn: Callable[[D], R]) -> Callable[[D], R]:
    """Decorate a function of one document (any unhashable object) so it runs once per
    document: several extractors ask for the same reading of a paper's tables. The answer is
    keyed by the object's identity and kept (with the object) until ``clear_paper_memos``.
    Callers must not change what it returns. Returns the memoised function."""
    memo: dict[int, tuple[Any, Any]] = {}

    @functools.wraps(fn)
    def wrapper(doc: D) -> R:
        hit = memo.get(id(doc))
        if hit is not None and hit[0] is doc:
            return hit[1]
        result = fn(doc)
        memo[id(doc)] = (doc, result)
        return result

    wrapper.cache_clear = memo.clear  # type: ignore[attr-defined]
    _MEMOS.append(wrapper)
    return wrapper
