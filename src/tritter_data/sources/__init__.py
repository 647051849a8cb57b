"""Where samples come from: a local directory here; hub datasets in their own modules."""
