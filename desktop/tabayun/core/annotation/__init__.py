"""Researchers' labels: the codebook, the labels file, what a label is put on, agreement.
Uses the analysis' values; knows nothing of exports."""
