"""The Wren runtime: object model, core classes, fibers (see :mod:`.core`)."""
