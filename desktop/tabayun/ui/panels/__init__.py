"""The window's side panels and bars: differences, terms, outlets, raw article, legend, messages."""
