"""The analysis stages, in the order data flows: read, furniture, units, normalize, align,
diff/classify, markers; ``comparison`` runs them all. Knows nothing of labels or exports."""
