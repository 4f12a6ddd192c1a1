"""Exports of a written dataset into the formats others share data in (360Giving, Popolo).

Each export reads the Parquet tables of a finished run (``dataset``) and writes its files with
the same rule as a run: never over a file minutebook did not write (``dataset.write_files``).
"""
