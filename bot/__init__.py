"""The Teams edge: the only package that imports the Bot Framework SDK."""
