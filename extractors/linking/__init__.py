"""Cross-paper linkers, run once over a whole run's records: people and organisations
(``identity``, ``organisations``) and minutes approved at a later meeting (``links``)."""
