"""A corpus of many events: records read as a stream, grouped into events, each event
compared with the usual pipeline (on a Dask cluster), and tables across events.
What it writes is described in docs/corpus-format.md."""
