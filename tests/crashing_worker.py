"""A worker function for tests: it kills its own process on one chosen paper.

Lives in its own module so worker processes can import it by name.
"""

from __future__ import annotations

import os
import signal

from pipeline.discover import InputFile
from pipeline.process import PaperResult
from pipeline.run import work_on

CRASH_ON = "crash-me"


def crash_on_marked_paper(inp: InputFile, paper_id: str, timeout_s: int) -> PaperResult:
    """Like pipeline.run.work_on, but a paper whose name holds CRASH_ON kills its worker."""
    if CRASH_ON in inp.name:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer does
    return work_on(inp, paper_id, timeout_s)
